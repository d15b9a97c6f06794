import type { Layout } from '../skeleton';

/**
 * The layout a previous render used, told by the file only that layout writes: a re-render
 * keeps it. Undefined when the folder holds neither (no previous render, or edited by hand).
 */
export function layoutOf(paths: Iterable<string>): Layout | undefined {
  const all = new Set(paths);
  if (all.has('Chart.yaml')) return 'helm';
  if (all.has('kustomization.yaml')) return 'kustomize';
  return undefined;
}
