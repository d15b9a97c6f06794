import { CST, Document, YAMLMap } from 'yaml';
import { stringifyString } from 'yaml/util';
import type { StringifyContext } from 'yaml/util';
import { isPlainWord, TO_STRING_OPTIONS, yamlSchema } from './yamlSchema';

/**
 * Plain data (plain objects, arrays, strings, numbers, booleans, null) as the `yaml`
 * package's own token tree (its CST, as its parser makes it), for `CST.stringify` to
 * write. Each scalar's text comes from the package's tag for it, with the context
 * (indentation, key or value) the package's `Document` writer would give it, and the
 * tree lays the block out as that writer does; so the text is the same, byte for byte
 * (tests compare), without the writer's cost per node (a node object each, a copy of
 * its settings for every pair).
 */

/** Thrown (not an Error: nothing to trace) for anything else: toYaml then takes the package's Document. */
export const NOT_PLAIN_DATA = Symbol('not plain data');

type Token = CST.Token;
type SourceToken = CST.SourceToken;

function sourceToken(
  type: SourceToken['type'],
  source: string,
  indent = 0,
): SourceToken {
  return { type, offset: -1, indent, source };
}

// Tokens that never change, shared: `CST.stringify` only reads them.
const COLON = sourceToken('map-value-ind', ':');
const SPACE = sourceToken('space', ' ');
const NEWLINE = sourceToken('newline', '\n');
const DASH = sourceToken('seq-item-ind', '-');

/** A map the package writes by calling it, which keeps the context it is given. */
class ContextProbe extends YAMLMap {
  context?: StringifyContext;
  toString(ctx?: StringifyContext): string {
    this.context = ctx;
    return '';
  }
}

/**
 * The context the package's writer starts a document with, for toYaml's schema and
 * options: taken from the package itself, once, so that its defaults hold here too.
 */
let rootContext: StringifyContext | undefined;
function documentContext(): StringifyContext {
  if (!rootContext) {
    const doc = new Document(undefined, {
      aliasDuplicateObjects: false,
      schema: yamlSchema(),
    });
    const probe = new ContextProbe(doc.schema);
    doc.contents = probe;
    doc.toString(TO_STRING_OPTIONS);
    // Should a later version of the package not call it, toYaml takes the Document way
    // (yamlTokens.test.ts would fail, so it would not go unnoticed).
    if (!probe.context) throw NOT_PLAIN_DATA;
    rootContext = probe.context;
  }
  return rootContext;
}

/** What is written at one depth: the contexts a key and a value get there, its indentation. */
interface Level {
  column: number;
  /** Before a map's later keys: their indentation (none at the top). */
  laterKey: SourceToken[];
  /** Before a list's later items: the indentation and `- `. */
  laterItem: SourceToken[];
  /** Between a key one level up and a list or map in block: `:`, a line break, the indentation. */
  blockValue: SourceToken[];
  key: StringifyContext;
  value: StringifyContext;
}

// Shared token lists, like the tokens: `CST.stringify` only reads them.
const FIRST_KEY: SourceToken[] = [];
const FIRST_ITEM = [DASH, SPACE];
const SCALAR_VALUE = [COLON, SPACE];

const levels: Level[] = [];
function level(depth: number): Level {
  let found = levels[depth];
  if (!found) {
    const root = documentContext();
    const indent = root.indentStep.repeat(depth);
    // As the package's pair writer copies them (its block collections change nothing
    // a scalar reads). Line folding is off, so `indentAtStart` plays no part.
    const space = depth ? [sourceToken('space', indent)] : [];
    found = {
      column: indent.length,
      laterKey: space,
      laterItem: [...space, DASH, SPACE],
      blockValue: [COLON, NEWLINE, ...space],
      key: { ...root, allNullValues: false, implicitKey: true, indent },
      value: { ...root, allNullValues: false, implicitKey: false, indent },
    };
    levels[depth] = found;
  }
  return found;
}

type ScalarTag = {
  identify?: (value: unknown) => boolean;
  test?: RegExp;
  format?: string;
  stringify?: (
    item: { value: unknown },
    ctx: StringifyContext,
    onComment?: () => void,
    onChompKeep?: () => void,
  ) => string;
};

/** The kinds of scalar whose tag the package picks alike (its tests read only the type). */
type ScalarKind = 'string' | 'number' | 'integer' | 'boolean' | 'null';
const SAMPLES: Record<ScalarKind, unknown> = {
  string: '',
  number: 0.5,
  integer: 1,
  boolean: true,
  null: null,
};

function kindOf(value: unknown): ScalarKind {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    default:
      throw NOT_PLAIN_DATA;
  }
}

/** The tag the package's writer picks for a scalar node without tag or format. */
function defaultTag(sample: unknown): ScalarTag {
  const tags = yamlSchema().tags as ScalarTag[];
  let match = tags.filter(t => t.identify?.(sample));
  if (match.length > 1) {
    const tested = match.filter(t => t.test);
    if (tested.length > 0) match = tested;
  }
  const tag =
    match.find(t => t.format === undefined) ?? match.find(t => !t.format);
  if (!tag) throw NOT_PLAIN_DATA;
  return tag;
}

const tagOfKind = new Map<ScalarKind, ScalarTag>();
function scalarText(value: unknown, ctx: StringifyContext): string {
  if (typeof value === 'string' && isPlainWord(value)) return value;
  const kind = kindOf(value);
  let tag = tagOfKind.get(kind);
  if (!tag) {
    tag = defaultTag(SAMPLES[kind]);
    tagOfKind.set(kind, tag);
  }
  // Undefined only in a list, where the package writes it as null.
  const item = { value: value === undefined ? null : value };
  return tag.stringify
    ? tag.stringify(item, ctx)
    : stringifyString(item as Parameters<typeof stringifyString>[0], ctx);
}

// Keys come back in every document (`apiVersion`, `metadata`, `name`, ...): those the
// package writes as they are, remembered. Bounded, since keys can be anyone's data.
const plainKeys = new Set<string>();
const MAX_PLAIN_KEYS = 4096;

function keyText(key: string, ctx: StringifyContext): string {
  if (plainKeys.has(key)) return key;
  if (isPlainWord(key)) {
    if (plainKeys.size >= MAX_PLAIN_KEYS) plainKeys.clear();
    plainKeys.add(key);
    return key;
  }
  return scalarText(key, ctx);
}

function flowScalarType(text: string): CST.FlowScalar['type'] {
  if (text[0] === '"') return 'double-quoted-scalar';
  if (text[0] === "'") return 'single-quoted-scalar';
  return 'scalar';
}

/** A scalar value, to the end of its line. */
function scalarToken(text: string, column: number): Token {
  const first = text[0];
  if (first === '|' || first === '>') {
    const headerEnd = text.indexOf('\n');
    if (headerEnd < 0) throw NOT_PLAIN_DATA;
    return {
      type: 'block-scalar',
      offset: -1,
      indent: column,
      props: [
        sourceToken('block-scalar-header', text.slice(0, headerEnd), column),
        NEWLINE,
      ],
      source: `${text.slice(headerEnd + 1)}\n`,
    };
  }
  // The package would write such a value on the key's line without a space.
  if (text === '' || first === '\n') throw NOT_PLAIN_DATA;
  return {
    type: flowScalarType(text),
    offset: -1,
    indent: column,
    source: text,
    end: [NEWLINE],
  };
}

/** `{}` or `[]`, as the package writes an empty collection, to the end of its line. */
function emptyToken(map: boolean, column: number): Token {
  return {
    type: 'flow-collection',
    offset: -1,
    indent: column,
    start: sourceToken(
      map ? 'flow-map-start' : 'flow-seq-start',
      map ? '{' : '[',
      column,
    ),
    items: [],
    end: [
      sourceToken(
        map ? 'flow-map-end' : 'flow-seq-end',
        map ? '}' : ']',
        column,
      ),
      NEWLINE,
    ],
  };
}

/** A plain object or array: made of nothing `createNode` would treat in its own way. */
export function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    !(Symbol.iterator in value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

function isBlock(token: Token): boolean {
  return token.type === 'block-map' || token.type === 'block-seq';
}

/** A value at `depth`: its continuation lines and its collection's items indented so far. */
function valueToken(value: unknown, depth: number): Token {
  if (value === null || typeof value !== 'object') {
    const at = level(depth);
    return scalarToken(scalarText(value, at.value), at.column);
  }
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw NOT_PLAIN_DATA;
    return seqToken(value, depth);
  }
  if (!isPlainObject(value)) throw NOT_PLAIN_DATA;
  return mapToken(value, depth);
}

function mapToken(value: Record<string, unknown>, depth: number): Token {
  const at = level(depth);
  const inner = level(depth + 1);
  const items: CST.BlockMap['items'] = [];
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    const text = keyText(key, inner.key);
    // Longer keys, or any the package would not write on one line, take its explicit form.
    if (text.length > 1024 || text.includes('\n')) throw NOT_PLAIN_DATA;
    const child = valueToken(item, depth + 1);
    items.push({
      start: items.length ? at.laterKey : FIRST_KEY,
      key: {
        type: flowScalarType(text),
        offset: -1,
        indent: at.column,
        source: text,
      },
      sep: isBlock(child) ? inner.blockValue : SCALAR_VALUE,
      value: child,
    });
  }
  if (!items.length) return emptyToken(true, at.column);
  return { type: 'block-map', offset: -1, indent: at.column, items };
}

function seqToken(value: readonly unknown[], depth: number): Token {
  const at = level(depth);
  const items: CST.BlockSequence['items'] = [];
  // `for of` reads a hole as undefined, which the package writes as null.
  for (const item of value) {
    items.push({
      start: items.length ? at.laterItem : FIRST_ITEM,
      value: valueToken(item, depth + 1),
    });
  }
  if (!items.length) return emptyToken(false, at.column);
  return { type: 'block-seq', offset: -1, indent: at.column, items };
}

/**
 * The document of a plain object or array, as tokens; throws NOT_PLAIN_DATA for
 * anything else (a top-level scalar, a Map, a Date, a class instance, toJSON, ...).
 */
export function plainDataDocument(value: unknown): CST.Document {
  if (value === null || typeof value !== 'object') throw NOT_PLAIN_DATA;
  return {
    type: 'document',
    offset: 0,
    start: [],
    value: valueToken(value, 0),
  };
}
