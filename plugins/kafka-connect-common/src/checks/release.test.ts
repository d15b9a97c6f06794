import { parse, parseAllDocuments } from 'yaml';
import { formatProblem } from '../problems';
import { renderCluster, renderManifests } from '../skeleton';
import { findRelease, SUPPORTED_STRIMZI_VERSIONS } from '../strimzi/releases';
import { parseValues } from '../values/parse';

/** strimzi.apiVersion: which API each release lets a team choose, and what v1 output is. */

function values(strimzi: Record<string, unknown>, extra = {}) {
  return {
    name: 'orders',
    namespace: 'data',
    owner: 'group:default/data-platform',
    strimzi,
    kafka: { bootstrapServers: 'kafka:9092' },
    connectors: [
      {
        name: 'orders-sink',
        class: 'io.example.SinkConnector',
        tasksMax: 1,
        state: 'paused',
      },
    ],
    ...extra,
  };
}

function problemLines(input: unknown): string[] {
  const parsed = parseValues(input);
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
}

function strimziObjects(input: unknown): any[] {
  const result = renderManifests(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return parseAllDocuments(result.value)
    .map(d => d.toJS())
    .filter(o => String(o.apiVersion).startsWith('kafka.strimzi.io/'));
}

describe('strimzi.apiVersion', () => {
  const served = (version: string) =>
    (['v1beta2', 'v1'] as const).filter(api => findRelease(version, api));

  it('is v1beta2 only up to 0.48.0, either on 0.49.0 to 0.51.0, v1 only from 1.0.0', () => {
    expect(
      Object.fromEntries(SUPPORTED_STRIMZI_VERSIONS.map(v => [v, served(v)])),
    ).toEqual({
      '0.45.0': ['v1beta2'],
      '0.46.0': ['v1beta2'],
      '0.47.0': ['v1beta2'],
      '0.48.0': ['v1beta2'],
      '0.49.0': ['v1beta2', 'v1'],
      '0.50.0': ['v1beta2', 'v1'],
      '0.51.0': ['v1beta2', 'v1'],
      '1.0.0': ['v1'],
      '1.1.0': ['v1'],
      '1.2.0': ['v1'],
    });
    for (const version of SUPPORTED_STRIMZI_VERSIONS) {
      for (const api of served(version)) {
        expect(problemLines(values({ version, apiVersion: api }))).toEqual([]);
      }
    }
  });

  it('refuses an API version the release does not serve, naming the field, the fix and where it is served', () => {
    expect(
      problemLines(values({ version: '0.48.0', apiVersion: 'v1' })),
    ).toEqual([
      'strimzi.apiVersion: Strimzi 0.48.0 serves only v1beta2; set v1beta2 or leave it out (v1 is served by Strimzi 0.49.0 to 1.2.0)',
    ]);
    expect(
      problemLines(values({ version: '1.0.0', apiVersion: 'v1beta2' })),
    ).toEqual([
      'strimzi.apiVersion: Strimzi 1.0.0 serves only v1; set v1 or leave it out (v1beta2 is served by Strimzi 0.45.0 to 0.51.0)',
    ]);
  });

  it('refuses any other value as a schema problem of the same field', () => {
    const lines = problemLines(values({ version: '0.50.0', apiVersion: 'v2' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^strimzi\.apiVersion: .*"v1beta2".*"v1"/);
  });

  it('reports an unserved API version together with the other problems', () => {
    const lines = problemLines(
      values({ version: '1.1.0', apiVersion: 'v1beta2' }, { replicas: 'two' }),
    );
    expect(lines.map(l => l.split(':')[0]).sort()).toEqual([
      'replicas',
      'strimzi.apiVersion',
    ]);
  });

  it('writes the release default into connect-cluster.yaml, and the chosen one when given', () => {
    const written = (strimzi: Record<string, unknown>) => {
      const result = renderCluster(values(strimzi));
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const file = result.value.files.find(
        f => f.path === 'connect-cluster.yaml',
      )!;
      return parse(file.content).strimzi;
    };
    expect(written({ version: '0.50.0' })).toEqual({
      version: '0.50.0',
      apiVersion: 'v1beta2',
    });
    expect(written({ version: '0.50.0', apiVersion: 'v1' })).toEqual({
      version: '0.50.0',
      apiVersion: 'v1',
    });
    expect(written({ version: '1.1.0' })).toEqual({
      version: '1.1.0',
      apiVersion: 'v1',
    });
  });

  it.each(['0.49.0', '0.50.0', '0.51.0'])(
    'on %s writes v1 objects by the v1 rules, with the same group and topics as v1beta2',
    version => {
      const [v1beta2Connect, v1beta2Connector] = strimziObjects(
        values({ version }),
      );
      const [connect, connector] = strimziObjects(
        values({ version, apiVersion: 'v1' }),
      );
      expect(v1beta2Connect.apiVersion).toBe('kafka.strimzi.io/v1beta2');
      expect(connect.apiVersion).toBe('kafka.strimzi.io/v1');
      expect(connector.apiVersion).toBe('kafka.strimzi.io/v1');
      expect({
        groupId: connect.spec.groupId,
        offsetStorageTopic: connect.spec.offsetStorageTopic,
        configStorageTopic: connect.spec.configStorageTopic,
        statusStorageTopic: connect.spec.statusStorageTopic,
      }).toEqual({
        groupId: v1beta2Connect.spec.config['group.id'],
        offsetStorageTopic: v1beta2Connect.spec.config['offset.storage.topic'],
        configStorageTopic: v1beta2Connect.spec.config['config.storage.topic'],
        statusStorageTopic: v1beta2Connect.spec.config['status.storage.topic'],
      });
      expect(
        Object.keys(connect.spec.config).filter(k =>
          /group\.id|storage\.topic$/.test(k),
        ),
      ).toEqual([]);
      expect(connect.spec.externalConfiguration).toBeUndefined();
      expect(connector.spec).toEqual(v1beta2Connector.spec);
      expect(connector.spec.state).toBe('paused');
      expect(connector.spec.pause).toBeUndefined();
    },
  );

  it('refuses oauth with v1 on a release that serves both, pointing at custom and at v1beta2', () => {
    const oauth = {
      kafka: {
        bootstrapServers: 'kafka:9092',
        authentication: { type: 'oauth', clientId: 'c' },
      },
    };
    expect(
      problemLines(values({ version: '0.51.0', apiVersion: 'v1' }, oauth)),
    ).toEqual([
      'kafka.authentication.type: the kafka.strimzi.io/v1 API (strimzi.apiVersion v1) has no "oauth" type; use type "custom" with the OAuth SASL settings in config, or set strimzi.apiVersion to v1beta2',
    ]);
    expect(problemLines(values({ version: '0.51.0' }, oauth))).toEqual([]);
    expect(problemLines(values({ version: '1.1.0' }, oauth))).toEqual([
      'kafka.authentication.type: Strimzi 1.1.0 serves only the kafka.strimzi.io/v1 API, which has no "oauth" type; use type "custom" with the OAuth SASL settings in config, or choose Strimzi 0.51.0 or older',
    ]);
  });

  it('hands the renderers the release with the chosen API and its facts', () => {
    const v1 = findRelease('0.49.0', 'v1')!;
    expect(v1).toMatchObject({
      api: 'v1',
      apiVersion: 'kafka.strimzi.io/v1',
      servedApis: ['v1beta2', 'v1'],
      defaultApi: 'v1beta2',
    });
    expect(v1.authenticationTypes).not.toContain('oauth');
    expect(findRelease('0.49.0')).toMatchObject({ api: 'v1beta2' });
    // The operator reads additionalBuildOptions from 0.49.0 on, in either API.
    expect(findRelease('0.49.0')!.buildOptions.field).toBe(
      'additionalBuildOptions',
    );
    expect(v1.buildOptions.field).toBe('additionalBuildOptions');
    expect(findRelease('0.49.0')!.authenticationTypes).toContain('oauth');
    expect(findRelease('0.48.0', 'v1')).toBeUndefined();
    expect(findRelease('0.44.0')).toBeUndefined();
  });
});
