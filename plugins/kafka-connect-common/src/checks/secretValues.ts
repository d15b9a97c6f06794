import { base64Text, isRandomToken } from './randomToken';

/**
 * Values that are credentials whatever the setting is called. Each detector reads the
 * value with its config provider references removed, so `user:${secrets:ns/db:pw}@host`
 * is no password in a URL.
 */
export interface ValueDetector {
  /** What the value holds, for the message: "holds <what> written in plain text". */
  what: string;
  /** Text the value must contain for find to match: one cheap test rules most values out. */
  marker?: RegExp;
  find: (value: string) => boolean;
}

/** `${alias:path:key}`: Kafka resolves it from a config provider when the worker starts. */
const REFERENCE = /\$\{[A-Za-z][A-Za-z0-9_-]*:[^}]*\}/g;

export function withoutReferences(value: string): string {
  return value.replace(REFERENCE, '');
}

const matches = (pattern: RegExp) => (value: string) => pattern.test(value);

/** `scheme://user:password@host`: the userinfo has a colon and something after it. */
const URL_USERINFO = /:\/\/([^/\s@?#]*)@/g;

function passwordInUrl(value: string): boolean {
  if (!value.includes('@')) return false;
  for (const match of value.matchAll(URL_USERINFO)) {
    const colon = match[1].indexOf(':');
    if (colon >= 0 && colon < match[1].length - 1) return true;
  }
  return false;
}

const DETECTORS: readonly ValueDetector[] = [
  {
    what: 'a PEM private key',
    marker: /-----BEGIN/,
    find: matches(/-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/),
  },
  {
    what: 'an AWS access key id',
    marker: /A[KS]IA/,
    find: matches(/(?:^|[^A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/),
  },
  {
    // mongodb://app:pw@db, postgresql://u:p@h, https://u:p@repo.example.com/a.jar
    what: 'a password inside a URL',
    marker: /@/,
    find: passwordInUrl,
  },
  {
    // JDBC (?user=a&password=b, ;password=b), Azure connection strings
    // (AccountKey=, SharedAccessKey=), SAS URLs (sig=)
    what: 'a password or key in a connection string',
    marker: /=/,
    find: matches(
      /(?:^|[?&;])\s*(?:password|pwd|passwd|accountkey|sharedaccesskey|sharedaccesssignature|sig|client_secret|access_token)=[^&;\s]/i,
    ),
  },
  {
    // jdbc:oracle:thin:scott/tiger@//db:1521/orcl
    what: 'a password in an Oracle JDBC URL',
    marker: /thin:/i,
    find: matches(/jdbc:oracle:thin:[^/@\s:]+\/[^@\s]+@/i),
  },
  {
    // a JWT (a Confluent license key is one)
    what: 'a signed token (JWT)',
    marker: /eyJ/,
    find: matches(
      /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/,
    ),
  },
  {
    // GitHub, GitLab, Slack, Google API, Stripe and npm tokens, Slack webhooks
    what: 'an access token',
    marker: /gh[pousr]_|github_pat_|glpat-|xox|AIza|k_live_|npm_|hooks\.slack/,
    find: matches(
      /(?:^|[^A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{50,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|[sr]k_live_[0-9A-Za-z]{20,}|npm_[A-Za-z0-9]{36})|hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/,
    ),
  },
  {
    what: 'what looks like a random key or token',
    find: isRandomToken,
  },
];

const ANY_MARKER = new RegExp(
  DETECTORS.flatMap(d => (d.marker ? [d.marker.source] : [])).join('|'),
  'i',
);
const UNMARKED = DETECTORS.filter(d => !d.marker);
const BASE64_WORD = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

function detect(text: string): ValueDetector | undefined {
  const candidates = ANY_MARKER.test(text) ? DETECTORS : UNMARKED;
  return candidates.find(
    d => (!d.marker || d.marker.test(text)) && d.find(text),
  );
}

/** What secret the value holds, or undefined. Base64 of readable text is read once more. */
export function secretInValue(value: string): string | undefined {
  const text = value.includes('${') ? withoutReferences(value) : value;
  // Below 16 characters only a URL password or a connection string parameter can hide.
  if (text.length < 16 && !/[@=]/.test(text)) return undefined;
  const found = detect(text);
  if (found) return found.what;
  // Base64 of text mixes cases; hex digests and plain names do not, and are not decoded.
  const trimmed = text.trim();
  const decoded =
    BASE64_WORD.test(trimmed) && /[A-Z]/.test(trimmed) && /[a-z]/.test(trimmed)
      ? base64Text(trimmed)
      : undefined;
  if (decoded !== undefined && detect(decoded)) {
    return 'a base64-encoded credential';
  }
  return undefined;
}

/** A value that holds a reference, or is a file path: the secret itself is elsewhere. */
export function isReferenceOrPath(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (trimmed !== withoutReferences(trimmed)) return true;
  return /^(?:file:)?\/[^\s]*$/.test(trimmed);
}
