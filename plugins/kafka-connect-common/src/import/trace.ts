import { formatPath, PathSegment, Problem } from '../problems';
import { Original, Path } from './original';

/** `connectors[0].config["a.b"]` → `["connectors", 0, "config", "a.b"]`; undefined if malformed. */
export function parsePath(text: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[') {
      if (text[i + 1] === '"') {
        let j = i + 2;
        while (j < text.length && text[j] !== '"')
          j += text[j] === '\\' ? 2 : 1;
        try {
          segments.push(JSON.parse(text.slice(i + 1, j + 1)) as string);
        } catch {
          return undefined;
        }
        i = j + 2;
      } else {
        const end = text.indexOf(']', i);
        const index = Number(text.slice(i + 1, end));
        if (end === -1 || !Number.isInteger(index)) return undefined;
        segments.push(index);
        i = end + 1;
      }
      continue;
    }
    if (text[i] === '.') i++;
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
    if (!word) return undefined;
    segments.push(word[0]);
    i += word[0].length;
  }
  return segments;
}

/**
 * Where each imported value came from, so that a problem the values' own validation finds
 * (`connect.config["sasl.jaas.config"]`) names the original's field instead
 * (`KafkaConnect my-connect: spec.config["sasl.jaas.config"]`). A value copied as a whole
 * (an authentication block) is recorded once; fields below it keep their relative path.
 */
export class Trace {
  private readonly origins = new Map<
    string,
    { original: Original; path: Path }
  >();

  constructor(private readonly fallback: Original) {}

  record(valuesPath: Path, original: Original, originalPath: Path): void {
    this.origins.set(formatPath(valuesPath), { original, path: originalPath });
  }

  /** The values problem, renamed to the original's field where its origin is known. */
  toOriginal(problem: Problem): Problem {
    const segments = parsePath(problem.path) ?? [];
    for (let length = segments.length; length >= 0; length--) {
      const origin = this.origins.get(formatPath(segments.slice(0, length)));
      if (!origin) continue;
      const rest = segments.slice(length);
      const renamed = problem.path ? ` (imported as ${problem.path})` : '';
      return origin.original.problem(
        [...origin.path, ...rest],
        `${problem.message}${renamed}`,
      );
    }
    return this.fallback.problem(
      [],
      `${problem.message} (imported as ${problem.path || 'the values'})`,
    );
  }
}
