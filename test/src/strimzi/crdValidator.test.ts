import fs from 'node:fs';
import path from 'node:path';
import { loadCrdValidator } from './crdValidator';
import {
  compareSemver,
  describeWithStrimzi,
  strimziDir,
  strimziReleases,
} from './strimziDir';
import { readYamlDocuments } from './yamlDocuments';

type Obj = Record<string, unknown>;
type Key = string | number;

const isStrimziResource = (doc: unknown): doc is Obj =>
  typeof doc === 'object' &&
  doc !== null &&
  String((doc as Obj).apiVersion).startsWith('kafka.strimzi.io/');

function strimziDocs(release: string, file: string): Obj[] {
  return readYamlDocuments(path.join(strimziDir(), release, file)).filter(
    isStrimziResource,
  );
}

/** Every Strimzi document of examples/connect, labelled "file#index". */
function connectExamples(release: string): Map<string, Obj> {
  const dir = path.join(strimziDir(), release, 'examples/connect');
  const out = new Map<string, Obj>();
  for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.yaml'))) {
    strimziDocs(release, `examples/connect/${file}`).forEach((doc, i) =>
      out.set(`${file}#${i}`, doc),
    );
  }
  return out;
}

const connectExample = (release: string): Obj =>
  strimziDocs(release, 'examples/connect/kafka-connect.yaml')[0];

/** A deep copy of obj with the field at keys set, creating missing objects. */
function withField(obj: Obj, keys: Key[], value: unknown): Obj {
  const copy = structuredClone(obj);
  let node: Record<Key, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<Key, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  return copy;
}

// Hand-written, smallest object each API version accepts (v1 made the topics required).
function minimalConnect(version: string): Obj {
  const spec: Obj = {
    replicas: 1,
    bootstrapServers: 'my-cluster-kafka-bootstrap:9092',
  };
  if (version === 'v1') {
    Object.assign(spec, {
      groupId: 'connect',
      configStorageTopic: 'connect-configs',
      statusStorageTopic: 'connect-status',
      offsetStorageTopic: 'connect-offsets',
    });
  }
  return {
    apiVersion: `kafka.strimzi.io/${version}`,
    kind: 'KafkaConnect',
    metadata: { name: 'minimal-connect' },
    spec,
  };
}

const OAUTH = {
  type: 'oauth',
  clientId: 'connect',
  clientSecret: { secretName: 'connect-oauth', key: 'secret' },
  tokenEndpointUri: 'https://sso.example.com/token',
};

const before = (release: string, version: string) =>
  compareSemver(release, version) < 0;

// Version layout documented in the Strimzi README and the CRDs' own history.
function expectedServed(release: string): string[] {
  if (before(release, '0.49.0')) return ['v1beta2'];
  if (before(release, '1.0.0')) return ['v1', 'v1beta2'];
  return ['v1'];
}

describeWithStrimzi('Strimzi CRD validator', () => {
  it('finds the releases in semver order', () => {
    const releases = strimziReleases();
    expect(releases.length).toBeGreaterThan(0);
    expect([...releases].sort(compareSemver)).toEqual(releases);
    expect(compareSemver('0.51.0', '1.0.0')).toBeLessThan(0);
    expect(compareSemver('0.9.0', '0.45.0')).toBeLessThan(0);
  });

  for (const release of strimziReleases()) {
    describe(`Strimzi ${release}`, () => {
      const validate = (obj: unknown) =>
        loadCrdValidator(release).validate(obj);

      it('serves the documented API versions', () => {
        for (const kind of ['KafkaConnect', 'KafkaConnector']) {
          expect(loadCrdValidator(release).servedVersions(kind).sort()).toEqual(
            expectedServed(release),
          );
        }
      });

      it('accepts every KafkaConnect and KafkaConnector in examples/connect', () => {
        const examples = connectExamples(release);
        const kinds = new Set([...examples.values()].map(d => d.kind));
        expect(kinds).toEqual(new Set(['KafkaConnect', 'KafkaConnector']));
        const errors = new Map([...examples].map(([k, d]) => [k, validate(d)]));
        expect(errors).toEqual(new Map([...examples.keys()].map(k => [k, []])));
      });

      const metricsFile = 'examples/metrics/kafka-connect-metrics.yaml';
      if (before(release, '0.49.0')) {
        it('accepts the metrics example', () => {
          const docs = strimziDocs(release, metricsFile);
          expect(docs).toHaveLength(1); // the ConfigMap is not a Strimzi resource
          expect(validate(docs[0])).toEqual([]);
        });
      } else {
        it('rejects the metrics example: it omits the fields v1 requires', () => {
          const docs = strimziDocs(release, metricsFile);
          expect(docs).toHaveLength(1);
          expect(validate(docs[0]).sort()).toEqual([
            '/spec/configStorageTopic: required field missing',
            '/spec/groupId: required field missing',
            '/spec/offsetStorageTopic: required field missing',
            '/spec/statusStorageTopic: required field missing',
          ]);
        });
      }

      it.each<[string, Key[], unknown, string]>([
        ['top level', ['bogus'], 1, '/bogus: unknown field'],
        [
          'metadata',
          ['metadata', 'labelz'],
          {},
          '/metadata/labelz: unknown field',
        ],
        ['spec', ['spec', 'bogus'], 1, '/spec/bogus: unknown field'],
        [
          'spec.template.pod',
          ['spec', 'template', 'pod', 'bogus'],
          true,
          '/spec/template/pod/bogus: unknown field',
        ],
        [
          'a projected volume',
          ['spec', 'template', 'pod', 'volumes'],
          [{ name: 'extra', projected: { sources: [] } }],
          '/spec/template/pod/volumes/0/projected: unknown field',
        ],
        [
          'a trusted certificate',
          ['spec', 'tls', 'trustedCertificates', 0, 'bogus'],
          'x',
          '/spec/tls/trustedCertificates/0/bogus: unknown field',
        ],
      ])('rejects an unknown field in %s', (_where, keys, value, error) => {
        expect(
          validate(withField(connectExample(release), keys, value)),
        ).toEqual([error]);
      });

      it('accepts any key under spec.config (x-kubernetes-preserve-unknown-fields)', () => {
        const config = {
          'any.key.at.all': 'x',
          nested: { deep: [1, { a: null }] },
        };
        expect(
          validate(
            withField(connectExample(release), ['spec', 'config'], config),
          ),
        ).toEqual([]);
        const connector = strimziDocs(
          release,
          'examples/connect/source-connector.yaml',
        )[0];
        expect(
          validate(
            withField(connector, ['spec', 'config', 'whatever'], { x: 1 }),
          ),
        ).toEqual([]);
      });

      it('rejects wrong types and values', () => {
        const base = connectExample(release);
        expect(validate(withField(base, ['spec', 'replicas'], '1'))).toEqual([
          '/spec/replicas: must be integer',
        ]);
        const cpu = ['spec', 'resources', 'limits', 'cpu'];
        expect(validate(withField(base, cpu, '500m'))).toEqual([]);
        expect(validate(withField(base, cpu, 2))).toEqual([]);
        expect(validate(withField(base, cpu, true))).toEqual([
          '/spec/resources/limits/cpu: must be integer,string',
        ]);
        expect(
          validate(withField(base, ['metadata', 'name'], 'My_Connect')),
        ).toEqual([
          expect.stringMatching(
            /^\/metadata\/name: .* not a DNS-1123 subdomain/,
          ),
        ]);
      });

      it('runs the CRD x-kubernetes-validations rules', () => {
        const base = connectExample(release);
        const metrics = (m: Obj) =>
          validate(withField(base, ['spec', 'metricsConfig'], m));
        // From 0.47.0 a CEL rule replaced the structural `required: [valueFrom]`.
        expect(metrics({ type: 'jmxPrometheusExporter' })).toEqual([
          before(release, '0.47.0')
            ? '/spec/metricsConfig/valueFrom: required field missing'
            : '/spec/metricsConfig: valueFrom property is required',
        ]);
      });

      if (!before(release, '1.0.0')) {
        it('runs the spec.rack CEL rules added in 1.0.0', () => {
          const rack = (r: Obj) =>
            validate(withField(connectExample(release), ['spec', 'rack'], r));
          expect(rack({ topologyKey: 'topology.kubernetes.io/zone' })).toEqual(
            [],
          );
          expect(
            rack({ type: 'environment-variable', envVarName: 'ZONE' }),
          ).toEqual([]);
          expect(
            rack({ type: 'environment-variable', envVarName: '' }),
          ).toEqual(['/spec/rack: envVarName property is required']);
          // CEL fails on reading an absent field, as the API server does.
          expect(rack({})).toEqual([
            '/spec/rack: topologyKey property is required (no such key: topologyKey)',
          ]);
        });
      }

      it('rejects API versions the release does not serve', () => {
        const served = expectedServed(release);
        for (const version of ['v1beta2', 'v1'].filter(
          v => !served.includes(v),
        )) {
          const obj = {
            ...connectExample(release),
            apiVersion: `kafka.strimzi.io/${version}`,
          };
          expect(validate(obj)).toEqual([
            expect.stringMatching(
              /^\/apiVersion: "kafka\.strimzi\.io\/v1(beta2)?" is not served/,
            ),
          ]);
        }
      });

      it('accepts oauth authentication only in v1beta2', () => {
        const served = expectedServed(release);
        const plain = served.map(v => validate(minimalConnect(v)));
        expect(plain).toEqual(served.map(() => []));
        const oauth = (versions: string[]) =>
          versions.map(v =>
            validate(
              withField(minimalConnect(v), ['spec', 'authentication'], OAUTH),
            ),
          );
        const v1beta2 = served.filter(v => v === 'v1beta2');
        const v1 = served.filter(v => v === 'v1');
        expect(oauth(v1beta2)).toEqual(v1beta2.map(() => []));
        expect(oauth(v1)).toEqual(
          v1.map(() =>
            expect.arrayContaining([
              expect.stringMatching(
                /^\/spec\/authentication\/type: must be equal to one of the allowed values/,
              ),
            ]),
          ),
        );
      });

      it(`${
        before(release, '0.47.0') ? 'rejects' : 'accepts'
      } image volumes`, () => {
        const volumes = [
          {
            name: 'plugins',
            image: { reference: 'quay.io/example/plugins:1.0' },
          },
        ];
        const errors = validate(
          withField(
            connectExample(release),
            ['spec', 'template', 'pod', 'volumes'],
            volumes,
          ),
        );
        expect(errors).toEqual(
          before(release, '0.47.0')
            ? ['/spec/template/pod/volumes/0/image: unknown field']
            : [],
        );
      });
    });
  }
});
