/** Where a run writes its output, and the folder relative paths are resolved against. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  /**
   * How many threads `upgrade` and `diff` may spread a fleet's folders over; one (this
   * thread only) when not given. The output does not depend on it.
   */
  threads?: number;
}

/** Writes each line followed by a newline; nothing for an empty list. */
export function writeLines(
  stream: Io['stdout'],
  lines: readonly string[],
): void {
  if (lines.length > 0) {
    stream.write(`${lines.join('\n')}\n`);
  }
}
