/** One thing wrong with the values: the field path (`volumes[0].mountPath`) and what to do instead. */
export interface Problem {
  path: string;
  message: string;
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `["volumes", 0, "mountPath"]` → `volumes[0].mountPath`; odd keys get `["ssl.protocol"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) path += path ? `.${segment}` : segment;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

export function problem(
  segments: readonly PathSegment[],
  message: string,
): Problem {
  return { path: formatPath(segments), message };
}

/** The line format shared by the CLI, the scaffolder action and the form: `field.path: message`. */
export function formatProblem(p: Problem): string {
  return `${p.path || '(values)'}: ${p.message}`;
}
