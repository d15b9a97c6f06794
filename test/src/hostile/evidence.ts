import { isDeepStrictEqual } from 'node:util';
import { RenderedFile } from '@connect-skeleton/plugin-kafka-connect-common';
import { isNode, parseAllDocuments, stringify, visit } from 'yaml';
import { dockerfileInstructions } from '../dockerfile/runScripts';
import { StringField } from './stringFields';

/**
 * Evidence that a rendered skeleton re-interpreted a value instead of carrying it: a YAML
 * file that is not one clean document of data, a value that comes back changed, a template
 * that is not the fixed one. Each complaint names the file.
 */

export type ParsedYaml =
  | { ok: true; data: unknown }
  | { ok: false; failures: string[] };

/** One document, no parse errors or warnings, no comments, and a stable round trip. */
export function parseYamlFile(file: RenderedFile): ParsedYaml {
  const docs = parseAllDocuments(file.content);
  if (!Array.isArray(docs)) {
    return { ok: false, failures: [`${file.path}: not a YAML stream`] };
  }
  if (docs.length !== 1) {
    return {
      ok: false,
      failures: [`${file.path}: ${docs.length} YAML documents, expected 1`],
    };
  }
  const [doc] = docs;
  const failures = [...doc.errors, ...doc.warnings].map(
    e => `${file.path}: ${e.message.split('\n')[0]}`,
  );
  let comments = Boolean(doc.commentBefore || doc.comment);
  visit(doc, (_key, node) => {
    if (isNode(node) && (node.comment || node.commentBefore)) comments = true;
  });
  if (comments) failures.push(`${file.path}: holds a YAML comment`);
  if (failures.length > 0) return { ok: false, failures };
  const data: unknown = doc.toJS();
  // kubectl, Helm and kustomize read YAML 1.1 (go-yaml): `on`, `no`, `1_000` or a date
  // left plain would come back there as a boolean, a number or a time.
  const asYaml11: unknown = parseAllDocuments(file.content, {
    version: '1.1',
  })[0]?.toJS?.();
  if (!isDeepStrictEqual(asYaml11, data)) {
    return {
      ok: false,
      failures: [
        `${file.path}: a YAML 1.1 reader (kubectl, Helm) reads other data`,
      ],
    };
  }
  const again: unknown = parseAllDocuments(stringify(data))[0]?.toJS?.();
  if (!isDeepStrictEqual(again, data)) {
    return {
      ok: false,
      failures: [`${file.path}: data changes when written and read again`],
    };
  }
  return { ok: true, data };
}

export function isYamlFile(path: string): boolean {
  // Helm templates are Go templates, not YAML: they are compared as text.
  return path.endsWith('.yaml') && !path.startsWith('templates/');
}

/** The data with `from` replaced by `to` in every string and key. */
export function replaceDeep(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map(v => replaceDeep(v, from, to));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k.split(from).join(to),
        replaceDeep(v, from, to),
      ]),
    );
  }
  return value;
}

/** Derived image tags hash the content (`<strimzi>-kafka-<kafka>-<hash>`): a changed value changes them. */
const DERIVED_TAG = /(\d+\.\d+\.\d+-kafka-\d+\.\d+\.\d+-)[0-9a-f]{8}\b/g;

export function withoutHashes(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(DERIVED_TAG, '$1HASH');
  if (Array.isArray(value)) return value.map(withoutHashes);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, withoutHashes(v)]),
    );
  }
  return value;
}

function at(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** connect-cluster.yaml (as data) holds the value at its field. */
export function valueFoundBack(
  connectCluster: unknown,
  field: StringField,
  text: string,
): string[] {
  if (field.kind === 'value') {
    return at(connectCluster, field.path) === text
      ? []
      : ['connect-cluster.yaml: the value is not found back at its field'];
  }
  const parent = at(connectCluster, field.path.slice(0, -1));
  return typeof parent === 'object' &&
    parent !== null &&
    Object.prototype.hasOwnProperty.call(parent, text)
    ? []
    : ['connect-cluster.yaml: the key is not found back in its map'];
}

export function dockerfileKeywords(dockerfile: string): string[] {
  return dockerfileInstructions(dockerfile).map(line => line.split(/\s/)[0]);
}
