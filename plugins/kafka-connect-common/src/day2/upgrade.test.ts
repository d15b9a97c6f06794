import { renderCluster } from '../skeleton';
import { upgradeValues } from './upgrade';

const OLD = {
  name: 'orders',
  namespace: 'data',
  owner: 'group:default/data-platform',
  strimzi: { version: '0.45.0' },
  kafka: { version: '3.9.0', bootstrapServers: 'kafka:9092' },
  logging: {
    type: 'inline',
    loggers: {
      'log4j.rootLogger': 'INFO',
      'log4j.logger.org.apache': 'DEBUG, CONSOLE',
    },
  },
};

function upgraded(input: unknown, to: string) {
  const result = upgradeValues(input, to);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('upgradeValues', () => {
  it('carries a 0.45.0 cluster to 1.2.0: v1, a Kafka 1.2.0 runs, the identity as it was', () => {
    const up = upgraded(OLD, '1.2.0');
    expect(up.values.strimzi).toEqual({ version: '1.2.0', apiVersion: 'v1' });
    expect(up.values.kafka.version).toBe('4.3.1');
    expect(up.values.connect).toMatchObject({
      groupId: 'data.orders',
      offsetStorageTopic: 'data.orders.offsets',
      configStorageTopic: 'data.orders.configs',
      statusStorageTopic: 'data.orders.status',
    });
    expect(up.values.logging).toEqual({
      type: 'inline',
      loggers: {
        'log4j.rootLogger': 'INFO',
        'log4j.logger.org.apache': 'DEBUG',
      },
    });
    expect(up.notes).toEqual([
      expect.stringMatching(/^strimzi\.apiVersion: v1beta2 → v1 /),
      expect.stringMatching(/^kafka\.version: 3\.9\.0 → 4\.3\.1 /),
      expect.stringMatching(
        /^logging\.loggers\["log4j\.logger\.org\.apache"\]: "DEBUG, CONSOLE" → "DEBUG"/,
      ),
    ]);
    // 0.45.0 serves v1beta2 only, 1.2.0 v1 only: through a release that serves both.
    expect(up.operatorSteps).toHaveLength(3);
    expect(up.operatorSteps[0]).toContain('from 0.45.0 to 0.51.0');
    expect(up.operatorSteps[2]).toContain('from 0.51.0 to 1.2.0');
    expect(renderCluster(up.values).ok).toBe(true);
  });

  it('keeps a group and topics a person chose, and a Kafka version the new release runs', () => {
    const up = upgraded(
      {
        ...OLD,
        strimzi: { version: '0.49.0' },
        kafka: { version: '4.1.1', bootstrapServers: 'kafka:9092' },
        logging: undefined,
        connect: {
          groupId: 'legacy-connect',
          offsetStorageTopic: 'legacy-offsets',
        },
      },
      '0.51.0',
    );
    expect(up.values.strimzi).toEqual({
      version: '0.51.0',
      apiVersion: 'v1beta2',
    });
    expect(up.values.kafka.version).toBe('4.1.1');
    expect(up.values.connect.groupId).toBe('legacy-connect');
    expect(up.values.connect.offsetStorageTopic).toBe('legacy-offsets');
    expect(up.values.connect.configStorageTopic).toBe('data.orders.configs');
    expect(up.notes).toEqual([]);
    expect(up.operatorSteps).toEqual([
      expect.stringMatching(
        /^Upgrade the Strimzi operator and its CRDs from 0\.49\.0 to 0\.51\.0/,
      ),
    ]);
  });

  it('from a release that serves both, converts with the running operator before the upgrade', () => {
    const up = upgraded(
      {
        ...OLD,
        strimzi: { version: '0.50.0' },
        kafka: { bootstrapServers: 'k:9092' },
        logging: undefined,
      },
      '1.0.0',
    );
    expect(up.operatorSteps).toHaveLength(2);
    expect(up.operatorSteps[0]).toContain(
      'while Strimzi 0.50.0 (which serves both) runs',
    );
  });

  it('the same release again changes nothing', () => {
    const same = { ...OLD, logging: undefined };
    const up = upgraded(same, '0.45.0');
    expect(up.notes).toEqual([]);
    expect(up.operatorSteps).toEqual([]);
    expect(up.values.strimzi.version).toBe('0.45.0');
  });

  it('refuses a downgrade, an unknown release and values that do not pass today', () => {
    expect(
      upgradeValues(
        {
          ...OLD,
          strimzi: { version: '1.0.0' },
          kafka: { bootstrapServers: 'k:9092' },
          logging: undefined,
        },
        '0.51.0',
      ),
    ).toEqual({
      ok: false,
      problems: [
        {
          path: 'strimzi.version',
          message:
            'the cluster is on Strimzi 1.0.0, newer than 0.51.0: upgrade never goes back to an older release',
        },
      ],
    });
    const unknown = upgradeValues(OLD, '2.0.0');
    expect(!unknown.ok && unknown.problems[0].path).toBe('strimzi.version');
    const broken = upgradeValues({ ...OLD, replicas: -1 }, '1.2.0');
    expect(!broken.ok && broken.problems[0]).toEqual({
      path: 'replicas',
      message: expect.stringContaining('(fix the current values first'),
    });
  });

  it('names the field and the fix where no automatic way over exists (oauth on v1)', () => {
    const oauth = {
      ...OLD,
      logging: undefined,
      kafka: {
        version: '3.9.0',
        bootstrapServers: 'kafka:9093',
        authentication: {
          type: 'oauth',
          clientId: 'connect',
          tokenEndpointUri: 'https://sso.example.com/token',
          clientSecret: { secretName: 'sso', key: 'secret' },
        },
      },
    };
    const result = upgradeValues(oauth, '1.2.0');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map(p => p.path)).toContain(
      'kafka.authentication.type',
    );
    expect(!result.ok && result.problems[0].message).toContain(
      '(on the way to Strimzi 1.2.0)',
    );
  });
});
