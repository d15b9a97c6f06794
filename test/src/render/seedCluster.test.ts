import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import {
  findRelease,
  SUPPORTED_STRIMZI_VERSIONS,
  validateValues,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { loadCrdValidator } from '../strimzi/crdValidator';
import { describeWithStrimzi } from '../strimzi/strimziDir';
import { fileOf, K8sObject, manifestsOf, skeletonOf } from './renderHelpers';

/**
 * The cluster that started the project (examples/values/seed-*.yaml), on its own release and
 * on the newest: it validates, renders, every Strimzi object passes that release's CRD, and
 * every setting the platform engineer gave arrives where Strimzi reads it.
 */
const SEED_FILES = ['seed-0.45.0.yaml', 'seed-1.2.0.yaml'];

function seedValues(file: string): Record<string, unknown> {
  const text = fs.readFileSync(
    path.resolve(__dirname, '../../../examples/values', file),
    'utf8',
  );
  return parse(text);
}

const ECR_REPOSITORY =
  '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/data/kafka-connect';
const PLUGINS = [
  'debezium-connector-mysql',
  'debezium-connector-postgres',
  'kafka-connect-transform-common',
  'csid-secrets-provider-aws',
];

function single(objects: K8sObject[], kind: string): K8sObject {
  const found = objects.filter(o => o.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
}

describe.each(SEED_FILES)('the seed cluster %s', file => {
  const values = seedValues(file);
  const version = (values.strimzi as { version: string }).version;

  it('validates with no problem', () => {
    expect(validateValues(values)).toEqual([]);
  });

  describeWithStrimzi(`rendered for Strimzi ${version}`, () => {
    it('gives Strimzi objects that the release CRDs accept', () => {
      const validator = loadCrdValidator(version);
      const strimziObjects = manifestsOf(values).filter(o =>
        o.apiVersion.startsWith('kafka.strimzi.io/'),
      );
      expect(strimziObjects.map(o => o.kind)).toEqual(['KafkaConnect']);
      for (const object of strimziObjects) {
        expect(validator.validate(object)).toEqual([]);
      }
    });
  });

  it('builds an image with the four plugins and the RDS truststore', () => {
    const dockerfile = fileOf(skeletonOf(values), 'Dockerfile');
    for (const plugin of PLUGINS) {
      expect(dockerfile).toContain(
        `RUN mkdir -p /opt/kafka/plugins/${plugin} `,
      );
    }
    expect(dockerfile).toContain(
      '--url https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem',
    );
    expect(dockerfile).toContain('keytool -importcert');
  });

  it('carries every setting to where Strimzi reads it', () => {
    const objects = manifestsOf(values);
    const connect = single(objects, 'KafkaConnect');
    const spec = connect.spec as Record<string, any>;
    expect(spec.image).toMatch(new RegExp(`^${ECR_REPOSITORY}:`));
    expect(spec.bootstrapServers).toBe('my-cluster-kafka-bootstrap:9093');
    expect(spec.tls.trustedCertificates).toEqual([
      { secretName: 'my-cluster-cluster-ca-cert', pattern: '*.crt' },
    ]);
    expect(spec.replicas).toBe(1);
    expect(spec.config).toMatchObject({
      'config.providers': 'secretManager',
      'config.providers.secretManager.class':
        'io.confluent.csid.config.provider.aws.SecretsManagerConfigProvider',
      'config.providers.secretManager.param.aws.region': 'ap-northeast-2',
      'config.providers.secretManager.param.secret.prefix':
        'data_kafka_connect_',
    });
    expect(spec.template.serviceAccount.metadata.annotations).toEqual({
      'eks.amazonaws.com/role-arn':
        'arn:aws:iam::123456789012:role/kafka-connect-secrets',
    });
    expect(
      spec.template.pod.affinity.nodeAffinity
        .requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms,
    ).toEqual([
      {
        matchExpressions: [
          {
            key: 'eks.amazonaws.com/nodegroup',
            operator: 'In',
            values: ['kafka-connect'],
          },
        ],
      },
    ]);
    expect(spec.template.pod.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9404',
    });
    expect(spec.metricsConfig.type).toBe('jmxPrometheusExporter');
    expect(spec.template.connectContainer.env).toEqual([
      {
        name: 'GOOGLE_APPLICATION_CREDENTIALS',
        value: '/mnt/service-account/gcp-credential.json',
      },
    ]);
    expect(spec.template.connectContainer.volumeMounts).toEqual([
      {
        name: 'service-account',
        mountPath: '/mnt/service-account',
        readOnly: true,
      },
    ]);
    expect(spec.template.pod.volumes).toEqual([
      {
        name: 'service-account',
        secret: {
          secretName: 'connect-cluster-secrets',
          items: [{ key: 'gcp-credential.json', path: 'gcp-credential.json' }],
        },
      },
    ]);

    const policy = single(objects, 'NetworkPolicy') as Record<string, any>;
    expect(policy.spec.ingress).toEqual([
      {
        from: [
          expect.objectContaining({
            podSelector: {
              matchLabels: {
                'app.kubernetes.io/name': 'console',
                'app.kubernetes.io/instance': 'redpanda-console',
              },
            },
          }),
        ],
        ports: [{ protocol: 'TCP', port: 8083 }],
      },
    ]);
    const metrics = objects.find(
      o => o.kind === 'ConfigMap' && o.metadata.name.endsWith('-metrics'),
    );
    expect(metrics).toBeDefined();
  });
});

/** The seed's settings on every supported release, in every API version the release serves. */
describeWithStrimzi('the seed cluster on every release', () => {
  const seed = seedValues('seed-0.45.0.yaml');
  const cases = SUPPORTED_STRIMZI_VERSIONS.flatMap(version =>
    findRelease(version)!.servedApis.map(api => [version, api] as const),
  );

  it.each(cases)('Strimzi %s, %s', (version, api) => {
    const release = findRelease(version, api)!;
    const kafka = seed.kafka as Record<string, unknown>;
    const values = {
      ...seed,
      strimzi: { version, apiVersion: api },
      kafka: release.kafkaVersions.includes(kafka.version as string)
        ? kafka
        : { ...kafka, version: undefined },
    };
    const validator = loadCrdValidator(version);
    const connect = single(manifestsOf(values), 'KafkaConnect');
    expect(connect.apiVersion).toBe(release.apiVersion);
    expect(validator.validate(connect)).toEqual([]);
  });
});
