/**
 * Reads a Dockerfile the way BuildKit's parser does, to check what Docker would see.
 *
 * A line ending in `\` (then optional blanks) continues on the next one with the
 * backslash removed; inside a continued instruction, comment lines and blank lines
 * are skipped (so a stray trailing backslash swallows the next instruction, which is
 * what the tests must be able to notice).
 */

const CONTINUATION = /\\[ \t]*$/;
const COMMENT = /^\s*#/;

/** The scripts handed to `/bin/sh -c`, one per RUN; the exec form yields its script. */
export function runScripts(dockerfile: string): string[] {
  return dockerfileInstructions(dockerfile)
    .filter(line => /^RUN\s/.test(line))
    .map(line => scriptOf(line.replace(/^RUN\s+/, '')));
}

/** The logical instructions, continuation lines joined, comments and blank lines left out. */
export function dockerfileInstructions(dockerfile: string): string[] {
  const result: string[] = [];
  let current: string | undefined;
  for (const line of dockerfile.split('\n')) {
    if (COMMENT.test(line) || line.trim() === '') continue;
    const continued = CONTINUATION.test(line);
    const text = line.replace(CONTINUATION, '');
    current = current === undefined ? text.trimStart() : current + text;
    if (!continued) {
      result.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) result.push(current);
  return result;
}

function scriptOf(rest: string): string {
  if (!rest.trimStart().startsWith('[')) return rest;
  const argv: unknown = JSON.parse(rest);
  if (
    !Array.isArray(argv) ||
    argv.length !== 3 ||
    argv[0] !== '/bin/sh' ||
    argv[1] !== '-c' ||
    typeof argv[2] !== 'string'
  ) {
    throw new Error(`unexpected exec-form RUN: ${rest}`);
  }
  return argv[2];
}
