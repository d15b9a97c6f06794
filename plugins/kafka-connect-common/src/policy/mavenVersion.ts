/**
 * Maven versions and version ranges, compared the way Maven's ComparableVersion does for the
 * versions connector plugins use: "2.7.3.Final" equals "2.7.3", "3.0.0.CR1" comes before
 * "3.0.0", "1.10" after "1.9". Ranges are Maven's: "[2.7,3.0)", "[3.0,)", "(,2.0]", "[2.7.3]",
 * and unions of them separated by commas: "[1.0,2.0),[3.0,)".
 */

type Token = number | string;

// Qualifiers Maven knows, in order; "" is a release. Unknown qualifiers sort after these.
const QUALIFIER_ORDER = [
  'alpha',
  'beta',
  'milestone',
  'rc',
  'snapshot',
  '',
  'sp',
];
const ALIASES: Record<string, string> = {
  a: 'alpha',
  b: 'beta',
  m: 'milestone',
  cr: 'rc',
  ga: '',
  final: '',
  release: '',
};

function tokens(version: string): Token[] {
  const parts =
    version.toLocaleLowerCase('en-US').match(/[0-9]+|[a-z]+/g) ?? [];
  const list: Token[] = parts.map(part =>
    /^[0-9]+$/.test(part) ? Number(part) : ALIASES[part] ?? part,
  );
  // Trailing zeros and release qualifiers say nothing: "2.7.0.Final" is "2.7".
  while (list.length > 0 && (list.at(-1) === 0 || list.at(-1) === '')) {
    list.pop();
  }
  return list;
}

function qualifierRank(qualifier: string): [number, string] {
  const index = QUALIFIER_ORDER.indexOf(qualifier);
  return index === -1 ? [QUALIFIER_ORDER.length, qualifier] : [index, ''];
}

function compareQualifiers(a: string, b: string): number {
  const [rankA, restA] = qualifierRank(a);
  const [rankB, restB] = qualifierRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (restA === restB) return 0;
  return restA < restB ? -1 : 1;
}

/** One token against another; a missing token is 0 (for numbers) or a release (for words). */
function compareTokens(a: Token | undefined, b: Token | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    return compareQualifiers(a, b);
  }
  if (a === undefined) return -compareTokens(b, undefined);
  if (typeof a === 'number') return b === undefined ? a : 1; // 1.0.1 > 1.0-rc
  // a is a word: against nothing it is compared with a release, against a number it is less.
  return b === undefined ? compareQualifiers(a, '') : -1;
}

/** Negative when a < b, 0 when Maven holds them equal, positive when a > b. */
export function compareMavenVersions(a: string, b: string): number {
  const left = tokens(a);
  const right = tokens(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const order = compareTokens(left[i], right[i]);
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

interface Bound {
  version: string;
  inclusive: boolean;
}

interface Interval {
  lower?: Bound;
  upper?: Bound;
}

/** A policy's version rule: one exact version, or Maven ranges. */
export type VersionRule =
  | { kind: 'exact'; version: string }
  | { kind: 'ranges'; intervals: Interval[] };

const VERSION = /^[A-Za-z0-9_.-]+$/;
const INTERVAL = /^([[(])\s*([^,\s]*)\s*(?:,\s*([^,\s]*)\s*)?([\])])$/;

/** Parses an exact version or ranges; a string saying what is wrong otherwise. */
export function parseVersionRule(text: string): VersionRule | string {
  const trimmed = text.trim();
  if (!/^[[(]/.test(trimmed)) {
    return VERSION.test(trimmed)
      ? { kind: 'exact', version: trimmed }
      : 'must be a Maven version such as 2.7.3.Final, or a range such as [2.7,3.0)';
  }
  const pieces = trimmed.match(/[[(][^\])]*[\])]/g) ?? [];
  if (pieces.join(',').replace(/\s/g, '') !== trimmed.replace(/\s/g, '')) {
    return 'must be Maven version ranges such as [2.7,3.0) or [1.0,2.0),[3.0,), separated by commas';
  }
  const intervals: Interval[] = [];
  for (const piece of pieces) {
    const interval = parseInterval(piece);
    if (typeof interval === 'string') return `${piece} ${interval}`;
    intervals.push(interval);
  }
  return { kind: 'ranges', intervals };
}

function parseInterval(piece: string): Interval | string {
  const match = INTERVAL.exec(piece);
  if (!match) return 'is no Maven range: write [low,high), (,high] or [exact]';
  const [, open, low, high, close] = match;
  const single = high === undefined;
  if (single) {
    // "[2.7.3]" is exactly that version; "(2.7.3)" means nothing.
    if (open !== '[' || close !== ']' || !VERSION.test(low)) {
      return 'is no Maven range: one version is written [2.7.3]';
    }
    return {
      lower: { version: low, inclusive: true },
      upper: { version: low, inclusive: true },
    };
  }
  for (const version of [low, high]) {
    if (version !== '' && !VERSION.test(version)) {
      return `has "${version}", which is no Maven version`;
    }
  }
  const interval: Interval = {
    ...(low ? { lower: { version: low, inclusive: open === '[' } } : {}),
    ...(high ? { upper: { version: high, inclusive: close === ']' } } : {}),
  };
  if (
    (!low && open === '[') ||
    (!high && close === ']') ||
    (low && high && compareMavenVersions(low, high) > 0)
  ) {
    return 'is empty or unbounded on a closed side: write [low,high) with low ≤ high, (,high] or [low,)';
  }
  return interval;
}

function inInterval(version: string, interval: Interval): boolean {
  const { lower, upper } = interval;
  if (lower) {
    const order = compareMavenVersions(version, lower.version);
    if (order < 0 || (order === 0 && !lower.inclusive)) return false;
  }
  if (upper) {
    const order = compareMavenVersions(version, upper.version);
    if (order > 0 || (order === 0 && !upper.inclusive)) return false;
  }
  return true;
}

/** Whether a version satisfies the rule (exact: Maven-equal, so 2.7.3.Final is 2.7.3). */
export function versionMatches(version: string, rule: VersionRule): boolean {
  return rule.kind === 'exact'
    ? compareMavenVersions(version, rule.version) === 0
    : rule.intervals.some(interval => inInterval(version, interval));
}
