/** One `/`-separated part of a branch name: no leading dot or dash, only safe characters. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._+-]*$/;

/**
 * Why `name` is not a branch name this module will use, or undefined when it is fine.
 * Stricter than `git check-ref-format`: no spaces, no `~^:?*[\@{`, nothing that an option
 * parser or a shell could take for something else.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 200) return 'must be at most 200 characters long';
  if (name === 'HEAD') return 'must not be HEAD';
  for (const segment of name.split('/')) {
    if (!SEGMENT.test(segment)) {
      return 'must be parts of letters, digits, ".", "_", "+" and "-" separated by single "/", each starting with a letter, digit or "_"';
    }
    if (segment.includes('..')) return 'must not hold ".."';
    if (segment.endsWith('.') || segment.endsWith('.lock')) {
      return 'must not have a part ending with "." or ".lock"';
    }
  }
  return undefined;
}
