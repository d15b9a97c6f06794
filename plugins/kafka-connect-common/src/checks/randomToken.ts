/**
 * A long random token: an API secret, an AWS secret access key, a Confluent Cloud API
 * secret. Narrow on purpose, so that names, paths, URLs and encoded text never trip it:
 * the whole value is one word of at least 32 characters from the base64 alphabets,
 * mixes upper case, lower case and digits, is not mostly made of words (camelCase names
 * such as OrdersTopicV2ForTheEuropeanRegion), is as varied as random text (Shannon
 * entropy of at least 4.2 bits a character), and is not the base64 of readable text.
 */

const MIN_LENGTH = 32;
const TOKEN = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** Runs that read as words: `Orders`, `topic`, `EU`-style acronyms of three letters or more. */
const WORD_RUNS = /[A-Z]?[a-z]{3,}|[A-Z]{3,}/g;
const MAX_WORD_SHARE = 0.5;
const MIN_ENTROPY = 4.2;
const MIN_PRINTABLE_SHARE = 0.9;

function entropyPerCharacter(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function wordShare(text: string): number {
  let inWords = 0;
  for (const match of text.matchAll(WORD_RUNS)) inWords += match[0].length;
  return inWords / text.length;
}

/** The text a base64 (or base64url) value decodes to, or undefined when it is no base64. */
export function base64Text(value: string): string | undefined {
  if (value.length % 4 === 1) return undefined;
  const standard = value.replace(/-/g, '+').replace(/_/g, '/');
  const padded = standard.padEnd(Math.ceil(standard.length / 4) * 4, '=');
  try {
    return atob(padded);
  } catch {
    return undefined;
  }
}

function isReadable(bytes: string): boolean {
  let printable = 0;
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    if ((code >= 0x20 && code < 0x7f) || code === 0x09 || code === 0x0a) {
      printable++;
    }
  }
  return printable >= bytes.length * MIN_PRINTABLE_SHARE;
}

export function isRandomToken(value: string): boolean {
  const text = value.trim();
  if (text.length < MIN_LENGTH || !TOKEN.test(text)) return false;
  if (!/[A-Z]/.test(text) || !/[a-z]/.test(text) || !/[0-9]/.test(text)) {
    return false;
  }
  if (wordShare(text) >= MAX_WORD_SHARE) return false;
  if (entropyPerCharacter(text) < MIN_ENTROPY) return false;
  const decoded = base64Text(text);
  return decoded === undefined || !isReadable(decoded);
}
