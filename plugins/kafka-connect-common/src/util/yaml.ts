import { CST, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { yamlSchema, TO_STRING_OPTIONS } from './yamlSchema';
import { isPlainObject, NOT_PLAIN_DATA, plainDataDocument } from './yamlTokens';

/**
 * The one YAML serialiser: objects in, text out. No anchors (a shared object would
 * otherwise become an alias), no line folding, LF line ends, key order as built. No
 * directives either: plain data never needs a %TAG.
 * YAML 1.2 out, readable as YAML 1.1 too: kubectl, Helm and kustomize read YAML 1.1
 * (go-yaml), where a plain `on`, `no`, `y`, `1_000` or a date is not a string, so such
 * strings are quoted.
 * Plain data (all the renderer makes) goes as the package's tokens to its `CST.stringify`
 * (yamlTokens.ts); anything else through the package's `Document`, as before. Both give
 * the text the package's `Document` gives (tests compare).
 */
export function toYaml(value: unknown): string {
  try {
    return CST.stringify(plainDataDocument(value));
  } catch (error) {
    if (error !== NOT_PLAIN_DATA) throw error;
  }
  return documentYaml(value);
}

/** Through the package's `Document`, for any value. */
function documentYaml(value: unknown): string {
  const doc = new Document(undefined, {
    aliasDuplicateObjects: false,
    schema: yamlSchema(),
  });
  doc.contents = toNode(doc, value, new Map());
  return doc.toString(TO_STRING_OPTIONS);
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
