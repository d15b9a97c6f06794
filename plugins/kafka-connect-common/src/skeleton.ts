import { Problem } from './problems';
import { catalogInfo } from './render/catalogInfo';
import { connectImage, ImageSource } from './render/image';
import { helmLayout } from './render/layouts/helm';
import { kustomizeLayout } from './render/layouts/kustomize';
import { LayoutRenderer } from './render/layouts/types';
import { clusterObjects } from './render/manifests';
import { readme } from './render/readme';
import { toYaml, toYamlStream } from './util/yaml';
import { parseValues, ValidValues } from './values/parse';
import { NormalisedValues } from './values/normalise';
import { StrimziRelease } from './strimzi/releases';

/** How the Kubernetes objects are laid out in the output folder. */
export type Layout = 'helm' | 'kustomize';
export const LAYOUTS: readonly Layout[] = ['helm', 'kustomize'];

/** One rendered file, its path relative to the output folder (forward slashes). */
export interface RenderedFile {
  path: string;
  content: string;
}

export type RenderResult<T> =
  | { ok: true; value: T }
  | { ok: false; problems: Problem[] };

const LAYOUT_RENDERERS: Record<Layout, LayoutRenderer> = {
  helm: helmLayout,
  kustomize: kustomizeLayout,
};

function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Checks values (already parsed from YAML) and returns every problem found; empty when good. */
export function validateValues(input: unknown): Problem[] {
  const parsed = parseValues(input);
  return parsed.ok ? [] : parsed.problems;
}

/** Where the Connect pods' image comes from, for summaries and people. */
export type { ImageSource } from './render/image';

/** Everything one render produces, for callers that show more than the files. */
export interface RenderedCluster {
  values: NormalisedValues;
  release: StrimziRelease;
  /** Every Kubernetes object, in apply order, as data. */
  objects: Record<string, unknown>[];
  /** The image the pods run and who makes it. */
  image: { reference: string; source: ImageSource };
  /** Every file of the skeleton, sorted by path. */
  files: RenderedFile[];
}

/** One pass: checks the values and renders the objects and the files. */
export function renderCluster(
  input: unknown,
  options: { layout?: Layout } = {},
): RenderResult<RenderedCluster> {
  const layout = options.layout ?? 'helm';
  if (!LAYOUTS.includes(layout)) {
    return {
      ok: false,
      problems: [
        { path: 'layout', message: `must be one of: ${LAYOUTS.join(', ')}` },
      ],
    };
  }
  const parsed = parseValues(input);
  if (!parsed.ok) return parsed;
  return { ok: true, value: renderValid(parsed.value, layout) };
}

/**
 * The render of values that `parseValues` (or `upgradeValues`) has already checked and
 * normalised: what `renderCluster` gives for them, without checking them a second time
 * (a fleet upgrade would otherwise check every folder's new values twice).
 */
export function renderValid(
  valid: ValidValues,
  layout: Layout = 'helm',
): RenderedCluster {
  const { values, release } = valid;
  const image = connectImage(values, release);
  const objects = clusterObjects(values, release, image);
  const files: RenderedFile[] = [
    { path: 'connect-cluster.yaml', content: toYaml(values) },
    { path: 'catalog-info.yaml', content: toYaml(catalogInfo(values)) },
    { path: 'README.md', content: readme(values, image, layout) },
    ...LAYOUT_RENDERERS[layout](values, objects),
  ];
  if (image.dockerfile)
    files.push({ path: 'Dockerfile', content: image.dockerfile });
  // Code-unit order, not locale order: the same on every machine.
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  return {
    values,
    release,
    objects: objects.map(o => o.object),
    image: image.runs,
    files,
  };
}

/** Renders every file of the skeleton, sorted by path, or the problems that stop it. */
export function renderSkeleton(
  input: unknown,
  options: { layout?: Layout } = {},
): RenderResult<RenderedFile[]> {
  const rendered = renderCluster(input, options);
  return rendered.ok ? { ok: true, value: rendered.value.files } : rendered;
}

/** Every Kubernetes object as one multi-document YAML stream, for `kubectl apply -f -`. */
export function renderManifests(input: unknown): RenderResult<string> {
  const rendered = renderCluster(input);
  return rendered.ok
    ? { ok: true, value: toYamlStream(rendered.value.objects) }
    : rendered;
}
