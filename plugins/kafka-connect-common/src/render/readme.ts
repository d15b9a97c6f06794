import { Layout } from '../skeleton';
import { NormalisedValues } from '../values/normalise';
import { ConnectImage } from './image';

/** Inline code that cannot be broken out of: backticks and line breaks cannot occur in the values shown. */
function code(text: string | number): string {
  return `\`${String(text).replace(/`/g, "'")}\``;
}

function imageSection(values: NormalisedValues, image: ConnectImage): string[] {
  const pullSecrets = values.image.pullSecrets ?? [];
  const pulling = pullSecrets.length
    ? [
        `The pods pull it with the Secret(s) ${pullSecrets
          .map(code)
          .join(', ')} (${code('image.pullSecrets')}).`,
        '',
      ]
    : [];
  const chosenBase = values.image.base
    ? [`It starts from ${code(values.image.base)} (${code('image.base')}).`, '']
    : [];
  switch (image.runs.source) {
    case 'dockerfile':
      return [
        '## Image',
        '',
        `CI builds ${code('Dockerfile')} and pushes ${code(
          image.runs.reference,
        )}:`,
        '',
        '```sh',
        `docker build -t ${image.runs.reference} .`,
        `docker push ${image.runs.reference}`,
        '```',
        '',
        ...chosenBase,
        `The tag follows the Dockerfile's content (set ${code(
          'image.tag',
        )} to choose one): a change of plugins or certificates gives a new tag and a rolling update.`,
        '',
        ...pulling,
      ];
    case 'strimzi-build':
      return [
        '## Image',
        '',
        `The Strimzi operator builds the image itself (${code(
          'spec.build',
        )}) with the plugins listed in ${code(
          'connect-cluster.yaml',
        )}, and pushes ${code(image.runs.reference)}.`,
        '',
        ...chosenBase,
        ...pulling,
      ];
    case 'prebuilt':
      return [
        '## Image',
        '',
        `The cluster runs the team's own image ${code(
          image.runs.reference,
        )} (${code(
          'image.name',
        )}); nothing is built here. Add plugins to ${code(
          'connect-cluster.yaml',
        )} to build one instead.`,
        '',
        ...pulling,
      ];
    default:
      return [
        '## Image',
        '',
        `No plugins or certificates are listed, so the cluster runs Strimzi's own Kafka ${values.kafka.version} image; add plugins to connect-cluster.yaml to build one.`,
        '',
        ...pulling,
      ];
  }
}

function deploySection(values: NormalisedValues, layout: Layout): string[] {
  const command =
    layout === 'helm'
      ? `helm upgrade --install ${values.name} . --namespace ${values.namespace}`
      : 'kubectl apply -k .';
  return [
    '## Deployment',
    '',
    `The ${
      layout === 'helm'
        ? 'Helm chart (Chart.yaml, values.yaml, templates/)'
        : 'kustomization (kustomization.yaml and one file per object)'
    } holds the Kubernetes objects. A GitOps controller applies them when this folder is merged; by hand:`,
    '',
    '```sh',
    command,
    '```',
    '',
    `The Strimzi operator (${
      values.strimzi.version
    }) must watch namespace ${code(values.namespace)}.`,
    '',
  ];
}

/** README.md of the rendered folder: what the files are, how to build and deploy. */
export function readme(
  values: NormalisedValues,
  image: ConnectImage,
  layout: Layout,
): string {
  const lines = [
    `# Kafka Connect cluster ${code(values.name)}`,
    '',
    `Kafka Connect ${values.kafka.version} on Strimzi ${
      values.strimzi.version
    }, namespace ${code(values.namespace)}, owned by ${code(values.owner)}.`,
    '',
    '## Files',
    '',
    `- ${code(
      'connect-cluster.yaml',
    )}: the values this folder was rendered from. Change them and render again; do not edit the other files by hand.`,
    ...(image.dockerfile
      ? [`- ${code('Dockerfile')}: the connector image.`]
      : []),
    `- ${code(
      'catalog-info.yaml',
    )}: the cluster's entity in the Backstage catalog.`,
    `- the ${layout} layout of the Kubernetes objects.`,
    '',
    ...imageSection(values, image),
    ...deploySection(values, layout),
    '## Render again',
    '',
    'Change `connect-cluster.yaml`, then render this folder again with the connect-skeleton command line (from the self-service repository, or through the portal template):',
    '',
    '```sh',
    `npm run -s connect-skeleton -- render --values FOLDER/connect-cluster.yaml --out FOLDER --layout ${layout}`,
    '```',
    '',
  ];
  return lines.join('\n');
}
