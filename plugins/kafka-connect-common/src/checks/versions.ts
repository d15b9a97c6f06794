/** Dotted release numbers compared part by part: 0.45.0 < 0.46.0 < 1.0.0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** True when `version` is `since` or later. */
export function isAtLeast(version: string, since: string): boolean {
  return compareVersions(version, since) >= 0;
}
