import { Problem } from '../problems';

/** SHA-512 checksums by URL, from `sha512sum` output (`<hash>  <url>`, or `<hash> *<url>`). */
export type Checksums = Record<string, string>;

// sha512sum writes two spaces (or a space and "*"); one space is taken too: a web page shows
// the line it suggests with its spaces collapsed, and a person copies it from there.
const LINE = /^([0-9a-fA-F]{128})\s+\*?(\S+)$/;

/**
 * Reads a checksums file: one `<hash>  <url>` per line, as `sha512sum` prints it; blank
 * lines and `#` comments are allowed. `file` only names the file in problems.
 */
export function parseChecksums(
  text: string,
  file: string,
): { checksums: Checksums; problems: Problem[] } {
  const checksums: Checksums = Object.create(null);
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${file}:${index + 1}`;
    const match = LINE.exec(line);
    if (!match) {
      problems.push({
        path: where,
        message:
          'not a checksum line; write `<128 hex digits>  <url>`, as sha512sum prints it',
      });
      return;
    }
    const [, hash, url] = match;
    const known = checksums[url];
    if (known !== undefined && known !== hash.toLowerCase()) {
      problems.push({
        path: where,
        message: `a second, different checksum for ${url}; keep the right one`,
      });
      return;
    }
    checksums[url] = hash.toLowerCase();
  });
  return { checksums, problems };
}
