import {
  formatProblem,
  renderManifests,
  renderSkeleton,
  Layout,
  RenderedFile,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { parseAllDocuments } from 'yaml';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
};

/** Fails the test with the problems' own lines when values that should render do not. */
function orThrow<T>(
  result:
    | { ok: true; value: T }
    | { ok: false; problems: { path: string; message: string }[] },
): T {
  if (!result.ok) {
    throw new Error(
      `values were rejected:\n${result.problems.map(formatProblem).join('\n')}`,
    );
  }
  return result.value;
}

export function parseYamlStream(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map(doc => {
      if (doc.errors.length > 0) throw doc.errors[0];
      return doc.toJS() as K8sObject | null;
    })
    .filter((doc): doc is K8sObject => doc !== null);
}

export function manifestsOf(values: unknown): K8sObject[] {
  return parseYamlStream(orThrow(renderManifests(values)));
}

export function skeletonOf(values: unknown, layout?: Layout): RenderedFile[] {
  return orThrow(renderSkeleton(values, { layout }));
}

export function fileOf(files: readonly RenderedFile[], path: string): string {
  const file = files.find(f => f.path === path);
  if (!file)
    throw new Error(`no ${path} among ${files.map(f => f.path).join(', ')}`);
  return file.content;
}
