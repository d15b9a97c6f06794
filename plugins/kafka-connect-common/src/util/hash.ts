/**
 * A short content hash (FNV-1a, 32 bits) for derived image tags: stable across runs and
 * machines, and isomorphic (no Node crypto). Not a security measure.
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
