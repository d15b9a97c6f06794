import { toYaml } from '../../util/yaml';
import { LayoutRenderer } from './types';

/** One file per object and a kustomization.yaml listing them in apply order. */
export const kustomizeLayout: LayoutRenderer = (_values, objects) => {
  const files = objects.map(({ file, object }) => ({
    path: `${file}.yaml`,
    content: toYaml(object),
  }));
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: files.map(f => f.path),
  };
  return [
    ...files,
    { path: 'kustomization.yaml', content: toYaml(kustomization) },
  ];
};
