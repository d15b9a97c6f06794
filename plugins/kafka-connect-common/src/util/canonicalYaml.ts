import { toYaml } from './yaml';

/** Thrown (not an Error: nothing to trace) when the text leaves what toYaml writes. */
const NOT_CANONICAL = Symbol('not canonical');

interface Line {
  indent: number;
  /** The line without its indentation. */
  text: string;
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
/** What a plain scalar never starts with in toYaml's output (indicators, anchors, tags). */
const NOT_PLAIN_START = new Set([...'&*!|>%@`{}[],#?\'"']);
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

function fail(): never {
  throw NOT_CANONICAL;
}

/** YAML 1.2 core schema, as the `yaml` package resolves a plain scalar. */
function plainScalar(text: string): unknown {
  switch (text) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    default:
  }
  if (NOT_PLAIN_START.has(text[0])) fail();
  if (INT.test(text)) return parseInt(text, 10);
  if (FLOAT.test(text) || FLOAT_EXP.test(text)) return parseFloat(text);
  // Hexadecimal, octal, infinities and NaN stay the full parser's.
  if (/^(?:0x|0o|[-+]?\.inf|\.nan)/i.test(text)) fail();
  return text;
}

/** A double-quoted scalar that is the whole of `text`. */
function doubleQuoted(text: string): string {
  let out = '';
  let i = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (i !== text.length - 1) fail();
      return out;
    }
    if (c === '\\') {
      const e = text[i + 1];
      if (e in ESCAPES) {
        out += ESCAPES[e];
        i += 2;
      } else if (e in HEX_ESCAPES) {
        const hex = text.slice(i + 2, i + 2 + HEX_ESCAPES[e]);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== HEX_ESCAPES[e]) {
          fail();
        }
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + hex.length;
      } else {
        fail();
      }
    } else {
      out += c;
      i += 1;
    }
  }
  return fail();
}

/** A single-quoted scalar that is the whole of `text`. */
function singleQuoted(text: string): string {
  if (text.length < 2 || !text.endsWith("'")) fail();
  const inner = text.slice(1, -1);
  // A lone quote inside would have ended the scalar.
  if (inner.replace(/''/g, '').includes("'")) fail();
  return inner.replace(/''/g, "'");
}

/** Where a mapping key's `:` is (`key: value` or `key:`), or -1 for a scalar. */
function keyEnd(text: string): number {
  if (text[0] === '"' || text[0] === "'") {
    const close = text[0] === '"' ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^']|'')*'/;
    const quoted = close.exec(text)?.[0];
    if (!quoted) fail();
    return text[quoted.length] === ':' ? quoted.length : -1;
  }
  const inside = text.indexOf(': ');
  if (inside >= 0) return inside;
  return text.endsWith(':') ? text.length - 1 : -1;
}

class CanonicalReader {
  private readonly lines: Line[];
  private readonly raw: string[];
  private at = 0;

  constructor(text: string) {
    // toYaml ends every document with one newline and writes LF line ends only.
    if (!text.endsWith('\n') || text.includes('\r')) fail();
    this.raw = text.slice(0, -1).split('\n');
    this.lines = this.raw.map(line => {
      // Indentation is spaces only (trimStart would take tabs and Unicode spaces too).
      let indent = 0;
      while (line.charCodeAt(indent) === 32) indent += 1;
      return { indent, text: line.slice(indent) };
    });
  }

  document(): unknown {
    const first = this.lines[0];
    if (!first || first.indent !== 0 || first.text.startsWith('---')) fail();
    const value = this.node(0);
    if (this.at !== this.lines.length) fail();
    return value;
  }

  /** The block node whose first line is the current one, at `indent`. */
  private node(indent: number): unknown {
    const line = this.lines[this.at];
    if (line.indent !== indent || line.text === '') fail();
    return line.text === '-' || line.text.startsWith('- ')
      ? this.sequence(indent)
      : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (line.indent < indent) break;
      // `-Xms: 1g` is a key; `- ` or a lone `-` is a sequence, never inside a mapping.
      if (line.indent > indent || line.text === '-') fail();
      if (line.text.startsWith('- ')) fail();
      const end = keyEnd(line.text);
      if (end <= 0) fail();
      const key = String(this.scalar(line.text.slice(0, end)));
      if (key === '__proto__' || Object.hasOwn(map, key)) fail();
      const rest = line.text.slice(end + 1);
      this.at += 1;
      map[key] =
        rest === '' ? this.nested(indent, true) : this.inline(rest, indent);
    }
    return map;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (line.indent < indent) break;
      if (line.indent > indent) fail();
      if (line.text === '-') {
        this.at += 1;
        items.push(this.nested(indent, false));
        continue;
      }
      if (!line.text.startsWith('- ')) break;
      const content = line.text.slice(2);
      if (content.startsWith('- ') || content === '-' || keyEnd(content) > 0) {
        // A compact collection: its first line starts after the dash.
        this.lines[this.at] = { indent: indent + 2, text: content };
        items.push(this.node(indent + 2));
      } else {
        this.at += 1;
        items.push(this.inline(` ${content}`, indent));
      }
    }
    return items;
  }

  /** The value of `key:` or `-` with nothing after it: a block below, or null. */
  private nested(indent: number, inMapping: boolean): unknown {
    const next = this.lines[this.at];
    if (next && next.indent > indent) return this.node(next.indent);
    // A mapping's sequence may sit at the mapping's own indentation.
    const dash = next?.text === '-' || next?.text.startsWith('- ');
    if (inMapping && next?.indent === indent && dash) {
      return this.sequence(indent);
    }
    return null;
  }

  /** What follows `key:` or `-` on its line (`rest` starts with the separating space). */
  private inline(rest: string, indent: number): unknown {
    if (rest[0] !== ' ') fail();
    const text = rest.slice(1);
    if (text === '{}') return {};
    if (text === '[]') return [];
    if (text === '|' || text === '|-' || text === '|+') {
      return this.blockScalar(text, indent);
    }
    return this.scalar(text);
  }

  private scalar(text: string): unknown {
    if (text[0] === '"') return doubleQuoted(text);
    if (text[0] === "'") return singleQuoted(text);
    // A plain scalar never starts or ends with white space (YAML's is space and tab).
    if (/^[ \t]|[ \t]$/.test(text)) fail();
    return plainScalar(text);
  }

  /** A literal block scalar (`|`, `|-`, `|+`) whose lines are below the current one. */
  private blockScalar(header: string, indent: number): string {
    const body: string[] = [];
    let content = -1;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (line.text !== '') {
        if (content < 0) content = line.indent;
        if (line.indent < content) break;
      }
      body.push(this.raw[this.at]);
      this.at += 1;
    }
    // A literal whose first line starts with a space needs an indentation indicator.
    if (content <= indent) fail();
    // Trailing empty lines belong to the scalar only when kept (`|+`).
    let end = body.length;
    while (end > 0 && /^ *$/.test(body[end - 1])) end -= 1;
    const trailing = body.length - end;
    if (header !== '|+' && trailing > 0) {
      // They were the next node's separation, which toYaml never writes: not canonical.
      fail();
    }
    const kept = body.slice(0, end).map(line => line.slice(content));
    if (kept.length === 0) fail();
    const textValue = kept.join('\n');
    if (header === '|-') return textValue;
    if (header === '|') return `${textValue}\n`;
    return `${textValue}\n${'\n'.repeat(trailing)}`;
  }
}

/**
 * Reads back text that `toYaml` wrote, without the `yaml` package's parser: a fleet command
 * reads a thousand connect-cluster.yaml files, and the full parser (lexer, syntax tree,
 * document) costs more than rendering the cluster again.
 *
 * Safe by construction: the data read is returned only when `toYaml` gives back exactly
 * the text, and since `toYaml` is the `yaml` package's own serialiser, which its parser
 * reads back to the same data, that data is what the full parser would return. Anything
 * else (comments, other quoting or indentation, flow collections, anchors, a second
 * document, a syntax error, a hand edit) returns undefined and the caller uses the full
 * parser, with its own messages. The reader below may therefore be simple: it needs to be
 * right only for what `toYaml` writes; where it is wrong, the check sends the text back.
 */
export function readCanonicalYaml(
  text: string,
): Record<string, unknown> | undefined {
  const value = readCandidate(text);
  return value && toYaml(value) === text ? value : undefined;
}

/**
 * The data `text` holds if it is what `toYaml` wrote: the first half of `readCanonicalYaml`,
 * for a caller that checks the result some cheaper way (it must: unchecked, the data may be
 * wrong). Undefined when the text is plainly not toYaml's, or holds no mapping.
 */
export function readCandidate(
  text: string,
): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = new CanonicalReader(text).document();
  } catch (error) {
    if (error === NOT_CANONICAL) return undefined;
    throw error;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  return value as Record<string, unknown>;
}

/**
 * The same data in the same order, as toYaml sees it: two values this calls the same are
 * written to the same text. Keys whose value is undefined (which toYaml leaves out) or any
 * other difference make them not the same, which only costs a caller its short cut.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i];
    if (key !== keysB[i]) return false;
    const valueA = (a as Record<string, unknown>)[key];
    const valueB = (b as Record<string, unknown>)[key];
    if (valueA === undefined || !sameData(valueA, valueB)) return false;
  }
  return true;
}
