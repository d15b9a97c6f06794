/** The exit codes, documented in the README; scripts and CI rely on them. */
export const ExitCode = {
  ok: 0,
  badValues: 1,
  badUsage: 2,
  internal: 3,
  /** `diff` only: a render would change files (as diff(1) says "differ", but 1 is bad values). */
  differences: 4,
} as const;

/** Bad usage: wrong arguments, an unreadable values file, an output folder we must not touch. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Bad usage in the arguments themselves: the message is followed by a pointer to --help. */
export class ArgumentError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/** The first line of whatever was thrown, so no error ever prints a stack trace. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].trim() || 'unknown error';
}
