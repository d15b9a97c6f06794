import { Layout, RenderedFile, renderCluster, RenderResult } from '../skeleton';
import { readCandidate, sameData } from '../util/canonicalYaml';
import { toYaml } from '../util/yaml';

const VALUES_FILE = 'connect-cluster.yaml';

/**
 * A cluster folder rendered again from the text of its connect-cluster.yaml, the check that
 * `diff` runs on every folder of a fleet: the files, or the values' problems. Undefined
 * when the text is not exactly what render writes (a hand edit, comments, other quoting):
 * then the caller reads it with the full YAML parser and renders what that gives.
 *
 * The text is read with the short reader of util/canonicalYaml.ts, which is right only for
 * toYaml's own output; the result proves it was. When the render's connect-cluster.yaml is
 * the text itself and the values behind it are the data read (the usual case: nothing
 * changed), toYaml wrote that text from that data, so the full parser would have read the
 * same; otherwise toYaml is asked directly, as readCanonicalYaml does. Either way one
 * serialisation of the values is saved or spent, never a wrong read.
 */
export function rerenderFromText(
  text: string,
  options: { layout?: Layout } = {},
): RenderResult<RenderedFile[]> | undefined {
  const candidate = readCandidate(text);
  if (!candidate) return undefined;
  const rendered = renderCluster(candidate, options);
  if (rendered.ok) {
    const { files, values } = rendered.value;
    const written = files.find(f => f.path === VALUES_FILE)?.content;
    if (written === text && sameData(values, candidate)) {
      return { ok: true, value: files };
    }
  }
  if (toYaml(candidate) !== text) return undefined;
  return rendered.ok ? { ok: true, value: rendered.value.files } : rendered;
}
