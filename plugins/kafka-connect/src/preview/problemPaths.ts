import {
  PathSegment,
  Problem,
} from '@connect-skeleton/plugin-kafka-connect-common';

/**
 * Problem paths come as text (`volumes[0].mountPath`, `connect.config["ssl.protocol"]`,
 * the format of formatPath in the common package); the form needs the segments back.
 */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '.') {
      i++;
    } else if (path[i] === '[') {
      if (path[i + 1] === '"') {
        // A JSON string: find its closing quote, skipping escaped characters.
        let end = i + 2;
        while (end < path.length && path[end] !== '"') {
          end += path[end] === '\\' ? 2 : 1;
        }
        segments.push(JSON.parse(path.slice(i + 1, end + 1)) as string);
        i = end + 2;
      } else {
        const end = path.indexOf(']', i);
        segments.push(Number(path.slice(i + 1, end)));
        i = end + 1;
      }
    } else {
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      segments.push(path.slice(i, end));
      i = end;
    }
  }
  return segments;
}

/** Whether `path` is `prefix` itself or lies below it. */
export function isAtOrBelow(
  path: readonly PathSegment[],
  prefix: readonly PathSegment[],
): boolean {
  if (path.length < prefix.length) return false;
  return prefix.every((segment, i) => path[i] === segment);
}

/** A problem with its path as segments, once parsed. */
export interface LocatedProblem extends Problem {
  segments: PathSegment[];
}

export function locate(problems: readonly Problem[]): LocatedProblem[] {
  return problems.map(p => ({ ...p, segments: parsePath(p.path) }));
}

/** The problems at or below a field, with their path relative to it. */
export function problemsUnder(
  problems: readonly LocatedProblem[],
  prefix: readonly PathSegment[],
): LocatedProblem[] {
  return problems
    .filter(p => isAtOrBelow(p.segments, prefix))
    .map(p => ({ ...p, segments: p.segments.slice(prefix.length) }));
}

/** The messages of the problems exactly at a relative path (e.g. `[0, 'mountPath']`). */
export function messagesAt(
  problems: readonly LocatedProblem[],
  relative: readonly PathSegment[],
): string[] {
  return problems
    .filter(
      p =>
        p.segments.length === relative.length &&
        isAtOrBelow(p.segments, relative),
    )
    .map(p => p.message);
}
