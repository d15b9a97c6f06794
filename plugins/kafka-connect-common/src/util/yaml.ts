import { Document, Node, Pair, Scalar, Schema, YAMLMap, YAMLSeq } from 'yaml';
import { stringTag } from 'yaml/util';

// Words YAML 1.2 or YAML 1.1 read as booleans or null, whatever their case.
const KEYWORDS = new Set([
  'y',
  'n',
  'yes',
  'no',
  'on',
  'off',
  'true',
  'false',
  'null',
]);
// Printable ASCII that starts with a letter, `_` or `/` (so never a number, a date, an
// indicator or a document marker, in YAML 1.1 or 1.2), single spaces between words...
const PLAIN_TEXT = /^[A-Za-z_/][!-~]*(?: [!-~]+)*$/;
// ...and nothing that would make a mapping or a comment of it: `: `, ` #`, a final `:`.
const NOT_PLAIN = /: | #|:$/;

/**
 * The `yaml` package's own string tag, with a short cut: most strings here are names,
 * keys, paths and URLs that are plain in any YAML, and the package would test each
 * against every tag of both schemas (a third of the render time). Anything else goes
 * the package's own way.
 */
const stringTagWithShortCut: typeof stringTag = {
  ...stringTag,
  stringify(item, ctx, onComment, onChompKeep) {
    const value = (item as { value?: unknown }).value;
    if (
      typeof value === 'string' &&
      PLAIN_TEXT.test(value) &&
      !NOT_PLAIN.test(value) &&
      !(value.length <= 5 && KEYWORDS.has(value.toLowerCase()))
    ) {
      return value;
    }
    return stringTag.stringify!(item, ctx, onComment, onChompKeep);
  },
};

// YAML 1.2 core with the short cut, checked against YAML 1.1 too. Built once: a document
// would otherwise build both tag lists again.
let sharedSchema: Schema | undefined;
function schema(): Schema {
  sharedSchema ??= new Schema({
    schema: 'core',
    resolveKnownTags: true,
    compat: 'yaml-1.1',
    customTags: tags =>
      tags.map(t => (t === stringTag ? stringTagWithShortCut : t)),
  });
  return sharedSchema;
}

/**
 * The one YAML serialiser: objects in, text out. No anchors (a shared object would
 * otherwise become an alias), no line folding, LF line ends, key order as built. No
 * directives either: plain data never needs a %TAG, and looking for tags walks the whole
 * document again (a tenth of the render time).
 * YAML 1.2 out, readable as YAML 1.1 too: kubectl, Helm and kustomize read YAML 1.1
 * (go-yaml), where a plain `on`, `no`, `y`, `1_000` or a date is not a string, so such
 * strings are quoted.
 */
export function toYaml(value: unknown): string {
  const doc = new Document(undefined, {
    aliasDuplicateObjects: false,
    schema: schema(),
  });
  doc.contents = toNode(doc, value, new Map());
  return doc.toString({
    directives: false,
    lineWidth: 0,
    minContentWidth: 0,
  });
}

/** A plain object or array: made of nothing `createNode` would treat in its own way. */
function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    !(Symbol.iterator in value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/**
 * The node tree `new Document(value)` builds, built directly: the package's `createNode`
 * looks each value's tag up among all the schema's tags, which gives a default tag (so
 * no tag on the node) for every plain object, array, string, number, boolean and null.
 * Anything else (a Map, a Date, a boxed value, toJSON) goes the package's own way.
 */
function toNode(
  doc: Document,
  value: unknown,
  keys: Map<string, Scalar>,
): Node {
  if (value === null || value === undefined) return new Scalar(null);
  if (typeof value !== 'object') return new Scalar(value);
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) {
      return doc.createNode(value, { aliasDuplicateObjects: false });
    }
    const seq = new YAMLSeq(doc.schema);
    for (const item of value) seq.items.push(toNode(doc, item, keys));
    return seq;
  }
  if (!isPlainObject(value)) {
    return doc.createNode(value, { aliasDuplicateObjects: false });
  }
  const map = new YAMLMap<Scalar, Node>(doc.schema);
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item !== undefined) {
      map.items.push(new Pair(keyNode(keys, key), toNode(doc, item, keys)));
    }
  }
  return map;
}

/**
 * One node per distinct key of a document (`name`, `labels`, ... come back many times):
 * the package only reads key nodes while it writes.
 */
function keyNode(keys: Map<string, Scalar>, key: string): Scalar {
  let node = keys.get(key);
  if (!node) {
    node = new Scalar(key);
    keys.set(key, node);
  }
  return node;
}

/** A multi-document stream, as `kubectl apply -f -` takes it. */
export function toYamlStream(values: readonly unknown[]): string {
  return values.map(v => `---\n${toYaml(v)}`).join('');
}
