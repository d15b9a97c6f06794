import {
  findRelease,
  NEWEST_STRIMZI_VERSION,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { fullValues } from '@connect-skeleton/integration-tests/src/fixtures/fullValues';
import {
  loadTemplate,
  templatePath,
} from '@connect-skeleton/integration-tests/src/scaffolder/templateFile';
import { defaultsInEffect, rowsInEffect } from './inEffect';
import {
  ReviewPage,
  ReviewRow,
  reviewSections,
  ReviewValue,
} from './reviewRows';

/** The real cluster template's pages, as the wizard hands them to the Review step. */
const PAGES: ReviewPage[] = loadTemplate().spec.parameters.map(page => ({
  title: String(page.title),
  mergedSchema: page,
}));

/** The form as the portal test leaves it: the defaults the form draws, lists left empty. */
const DRAWN = {
  name: 'e2e-orders',
  namespace: 'streaming',
  owner: 'group:default/data-platform',
  strimzi: { version: NEWEST_STRIMZI_VERSION },
  replicas: 1,
  kafka: {
    bootstrapServers: 'orders-kafka-bootstrap.kafka.svc:9093',
    tls: { trustedCertificates: [] },
  },
  connect: { replicationFactor: -1, useConnectorResources: true },
  image: { build: 'dockerfile', buildOptions: {}, pullSecrets: [] },
  plugins: [],
  configProviders: [],
  scheduling: { tolerations: [], topologySpreadConstraints: [] },
  metrics: { enabled: true, type: 'jmxPrometheusExporter' },
  volumes: [],
  env: [],
  apiAccess: { clients: [] },
  connectors: [],
  layout: 'helm',
  destination: { type: 'local', githubRepoUrl: 'github.com?' },
};

function rowsOf(pages: ReviewPage[], form: Record<string, unknown>) {
  return reviewSections(pages, form, {
    inEffect: rowsInEffect(pages, form),
    defaults: defaultsInEffect(form),
  }).flatMap(section => section.rows);
}

function shown(value: ReviewValue): string {
  if (value.kind === 'lines') return value.lines.join('\n');
  return value.text;
}

const byLabel = (rows: ReviewRow[]) =>
  Object.fromEntries(rows.map(row => [row.label, shown(row.value)]));

describe('the Review rows of the cluster template', () => {
  it('say what is in effect: no empty row, yes/no for a boolean, the defaults the render fills in', () => {
    const rows = rowsOf(PAGES, DRAWN);
    for (const row of rows) expect(shown(row.value).trim()).not.toBe('');
    const release = findRelease(NEWEST_STRIMZI_VERSION)!;
    expect(byLabel(rows)).toEqual({
      'Cluster name': 'e2e-orders',
      'Kubernetes namespace': 'streaming',
      Owner: 'group:default/data-platform',
      'Strimzi release': NEWEST_STRIMZI_VERSION,
      'Strimzi API version': `${release.defaultApi} (default)`,
      Replicas: '1',
      'Kafka version': `${release.defaultKafkaVersion} (default)`,
      'Kafka › Bootstrap servers': 'orders-kafka-bootstrap.kafka.svc:9093',
      'Connect worker › Group id': 'streaming.e2e-orders (default)',
      'Connect worker › Offsets topic':
        'streaming.e2e-orders.offsets (default)',
      'Connect worker › Configuration topic':
        'streaming.e2e-orders.configs (default)',
      'Connect worker › Status topic': 'streaming.e2e-orders.status (default)',
      'Connect worker › Replication factor of the internal topics': '-1',
      'Connect worker › Manage connectors as KafkaConnector resources': 'Yes',
      'Image › Build': 'dockerfile',
      'Expose metrics': 'Yes',
      'Metrics › Exporter': 'jmxPrometheusExporter',
      'Metrics › Add prometheus.io scrape annotations to the pods':
        'Yes (default)',
      'Kubernetes layout': 'Helm chart',
      'Destination › Repository': "The portal's GitOps repository",
    });
  });

  it('show the whole cluster in words: oneOf choices by their title, maps and lists as lines, the rest as YAML, no key-made label', () => {
    const form = {
      ...fullValues(NEWEST_STRIMZI_VERSION),
      layout: 'kustomize',
      destination: {
        type: 'github',
        githubRepoUrl: 'github.com?owner=data&repo=gitops',
        accessToken: 'ghp_secret',
      },
    };
    const rows = rowsOf(PAGES, form);
    const labels = byLabel(rows);
    expect(labels).toMatchObject({
      'Kafka › Authentication': 'TLS client certificate',
      'Kafka › Authentication › Certificate and key Secret › Secret name':
        'connect-user',
      'Service account › Annotations': expect.stringMatching(
        /^eks\.amazonaws\.com\/role-arn: arn:aws:iam::/,
      ),
      'Image › Pull Secrets': 'registry-pull\nmirror-pull',
      'JVM options › GC logging': 'No',
      'Destination › GitHub repository': 'github.com/data/gitops',
      'Destination › Access token (optional)': '******',
    });
    expect(rows.find(r => r.label === 'Connectors')?.value.kind).toBe('block');
    expect(shown(rows.find(r => r.label === 'Connectors')!.value)).toContain(
      'name: orders-jdbc-sink',
    );
    for (const row of rows) {
      expect(row.label).not.toMatch(/ > /);
      // Nothing a font may lack: the scaffolder's ✅/❌ showed as a box.
      expect(`${row.label} ${shown(row.value)}`).not.toMatch(
        /\p{Extended_Pictographic}/u,
      );
      expect(JSON.stringify(row.value)).not.toContain('ghp_secret');
    }
  });

  it('leave out the fields of a destination not chosen, and a token not given', () => {
    const labels = Object.keys(byLabel(rowsOf(PAGES, DRAWN)));
    expect(labels.filter(l => /GitHub|GitLab|token/i.test(l))).toEqual([]);
  });
});

describe('the Review rows of the adopt template', () => {
  const pages: ReviewPage[] = loadTemplate(
    templatePath('kafka-connect-adopt'),
  ).spec.parameters.map(page => ({
    title: String(page.title),
    mergedSchema: page,
  }));

  it('give the release that "the newest" is, the pasted manifests as written, nothing for what is not given', () => {
    const manifests = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\n';
    const rows = rowsOf(pages, {
      manifests,
      owner: 'group:default/data-platform',
      strimzi: '',
      checksums: '',
      destination: { type: 'local' },
    });
    expect(rows).toEqual([
      {
        label: 'KafkaConnect and KafkaConnectors',
        value: { kind: 'block', text: manifests.trimEnd() },
      },
      {
        label: 'Owner',
        value: { kind: 'text', text: 'group:default/data-platform' },
      },
      {
        label: 'Strimzi release',
        value: { kind: 'text', text: `${NEWEST_STRIMZI_VERSION} (the newest)` },
      },
      {
        label: 'Destination › Repository',
        value: { kind: 'text', text: "The portal's GitOps repository" },
      },
    ]);
  });
});
