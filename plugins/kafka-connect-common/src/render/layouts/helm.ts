import { NormalisedValues } from '../../values/normalise';
import { toYaml } from '../../util/yaml';
import { LayoutRenderer } from './types';

/**
 * A chart whose templates only place sections of values.yaml: every decision is made by
 * the renderer, so `helm template` gives exactly what `manifests` prints. The template
 * text is fixed per object; values never pass through the template engine as template
 * text, so "{{" in a value stays literal.
 */

function templateFor(key: string): string {
  return `{{- with index .Values.objects ${JSON.stringify(
    key,
  )} }}\n{{ toYaml . }}\n{{- end }}\n`;
}

function chart(values: NormalisedValues) {
  return {
    apiVersion: 'v2',
    name: values.name,
    description: `Kafka Connect cluster ${values.name} in ${values.namespace} (Strimzi ${values.strimzi.version})`,
    type: 'application',
    version: '1.0.0',
    appVersion: values.kafka.version,
  };
}

/** Keep the skeleton's other files out of the packaged chart. */
const HELMIGNORE = [
  'connect-cluster.yaml',
  'Dockerfile',
  'catalog-info.yaml',
  'README.md',
  '',
].join('\n');

export const helmLayout: LayoutRenderer = (values, objects) => {
  const sections: Record<string, unknown> = {};
  // Keys are the file stems: unique, and what the matching template looks up.
  for (const { file, object } of objects) sections[file] = object;
  return [
    { path: 'Chart.yaml', content: toYaml(chart(values)) },
    { path: '.helmignore', content: HELMIGNORE },
    { path: 'values.yaml', content: toYaml({ objects: sections }) },
    ...objects.map(({ file }) => ({
      path: `templates/${file}.yaml`,
      content: templateFor(file),
    })),
  ];
};
