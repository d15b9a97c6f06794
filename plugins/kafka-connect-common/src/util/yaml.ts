import { Document } from 'yaml';

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
  return new Document(value, {
    aliasDuplicateObjects: false,
    compat: 'yaml-1.1',
  }).toString({
    directives: false,
    lineWidth: 0,
    minContentWidth: 0,
  });
}

/** A multi-document stream, as `kubectl apply -f -` takes it. */
export function toYamlStream(values: readonly unknown[]): string {
  return values.map(v => `---\n${toYaml(v)}`).join('');
}
