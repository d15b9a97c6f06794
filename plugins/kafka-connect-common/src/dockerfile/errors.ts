/**
 * Thrown when a value cannot be written into the Dockerfile safely: a line break in a
 * LABEL value (a Dockerfile has no way to spell one there), a plugin name that would
 * leave the plugins folder, a checksum that is not one. The values checks upstream
 * refuse all of these first; this is the last line of defence, so it fails loudly
 * instead of writing something else than what was asked for.
 */
export class DockerfileValueError extends Error {
  override readonly name = 'DockerfileValueError';

  constructor(
    /** What the value is, for example `LABEL key` or `plugins[0].name`. */
    readonly field: string,
    /** The offending value, as given. */
    readonly value: string,
    reason: string,
  ) {
    super(`${field} ${JSON.stringify(value)}: ${reason}`);
  }
}
