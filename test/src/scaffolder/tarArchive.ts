import { gzipSync } from 'zlib';

/**
 * A gzipped tar archive of files in memory, as the forges' archive endpoints send a
 * repository: every file under one top-level folder (GitHub's `<owner>-<repo>-<sha>/`,
 * GitLab's `<project>-<ref>-<sha>/`), which Backstage's URL readers strip. The POSIX ustar
 * format (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html#tag_20_92_13_06),
 * written by hand so the fakes need no archive package.
 */

const BLOCK = 512;

/** `value` as an octal field of `length` bytes: digits, then a NUL. */
function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

/** ustar keeps names over 100 bytes as a prefix (a folder, ≤ 155 bytes) and a name. */
function splitName(path: string): [prefix: string, name: string] {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  const cut = path.lastIndexOf('/', 155);
  const prefix = path.slice(0, cut);
  const name = path.slice(cut + 1);
  if (
    cut < 0 ||
    Buffer.byteLength(prefix) > 155 ||
    Buffer.byteLength(name) > 100
  ) {
    throw new Error(`${path}: too long for a ustar header`);
  }
  return [prefix, name];
}

function header(path: string, size: number, type: '0' | '5'): Buffer {
  const block = Buffer.alloc(BLOCK);
  const [prefix, name] = splitName(path);
  const put = (text: string, offset: number) => block.write(text, offset);
  put(name, 0);
  put(octal(type === '5' ? 0o755 : 0o644, 8), 100);
  put(octal(0, 8), 108); // uid
  put(octal(0, 8), 116); // gid
  put(octal(size, 12), 124);
  put(octal(0, 12), 136); // mtime: the epoch, so that an archive is the same every time
  put(' '.repeat(8), 148); // the checksum counts its own field as spaces
  put(type, 156);
  put('ustar\0', 257);
  put('00', 263);
  put(prefix, 345);
  const sum = block.reduce((total, byte) => total + byte, 0);
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/** The archive of `files` (path → content) under `root`, gzipped. */
export function tarGz(root: string, files: Map<string, Buffer>): Buffer {
  const parts: Buffer[] = [header(`${root}/`, 0, '5')];
  for (const [path, content] of [...files].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    parts.push(header(`${root}/${path}`, content.length, '0'), content);
    const padding = (BLOCK - (content.length % BLOCK)) % BLOCK;
    parts.push(Buffer.alloc(padding));
  }
  // The end of the archive: two empty blocks.
  parts.push(Buffer.alloc(2 * BLOCK));
  return gzipSync(Buffer.concat(parts));
}
