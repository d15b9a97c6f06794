import {
  applyRules,
  javaReplacement,
  parseObjectName,
  safeName,
} from './jmxExporterMatcher';

/** Hand-made cases whose outcome follows from jmx_exporter's JmxCollector, one rule each. */

const bean = (
  objectName: string,
  attributes: Record<string, number | string | boolean>,
) => ({ objectName, attributes });

const WORKER = bean('kafka.connect:type=connect-worker-metrics,connector=c1', {
  'connector-running-task-count': 2,
});

describe('the JMX exporter matcher', () => {
  it('keeps the key order the ObjectName declares, and reads quoted values whole', () => {
    expect(parseObjectName('kafka.connect:task=0,connector=c1,type=x')).toEqual(
      {
        domain: 'kafka.connect',
        properties: [
          ['task', '0'],
          ['connector', 'c1'],
          ['type', 'x'],
        ],
      },
    );
    expect(
      parseObjectName('kafka.connect:type=app-info,client-id="10.0.0.1:8083"')
        .properties,
    ).toEqual([
      ['type', 'app-info'],
      ['client-id', '"10.0.0.1:8083"'],
    ]);
  });

  it('matches `domain<k=v, k=v><>attribute: value`, anywhere in the string', () => {
    const [sample] = applyRules(
      {
        rules: [
          {
            // No anchors and an unescaped dot: the exporter wraps it in ^.*(?:...).*$.
            pattern:
              'connect<type=connect-worker-metrics, connector=(.+)><>([a-z-]+)',
            name: 'w_$2',
            labels: { connector: '$1' },
          },
        ],
      },
      [WORKER],
    );
    expect(sample).toEqual({
      name: 'w_connector_running_task_count',
      labels: { connector: 'c1' },
      type: 'UNTYPED',
      value: 2,
      source:
        'kafka.connect:type=connect-worker-metrics,connector=c1 connector-running-task-count',
    });
  });

  it('sees the value after ": " (Double.toString for numbers) and uses `value` for text', () => {
    const rules = [
      {
        pattern: 'x<type=a><>n: 3.0',
        name: 'n_is_three',
        type: 'GAUGE',
      },
      {
        pattern: 'x<type=a><>status: (.+)',
        name: 'status',
        value: 1,
        labels: { status: '$1' },
      },
    ];
    const samples = applyRules({ rules }, [
      bean('x:type=a', { n: 3, status: 'running' }),
    ]);
    expect(samples.map(s => [s.name, s.labels, s.value])).toEqual([
      ['n_is_three', {}, 3],
      ['status', { status: 'running' }, 1],
    ]);
  });

  it('lets the first matching rule decide, even when it then drops a text value', () => {
    const rules = [
      { pattern: 'x<type=a><>([a-z]+)', name: 'first_$1' },
      { pattern: 'x<type=a><>(.+): (.+)', name: 'second', value: 1 },
    ];
    const samples = applyRules({ rules }, [
      bean('x:type=a', { count: 4, version: '4.1.0' }),
    ]);
    // `version` matched the first rule, which has no value for text: no sample, no fallback.
    expect(samples.map(s => s.name)).toEqual(['first_count']);
  });

  it('lets a greedy group at the end take ": value" along (why patterns stop the attribute)', () => {
    const [sample] = applyRules(
      { rules: [{ pattern: 'x<type=a><>(.+)', name: 'm_$1' }] },
      [bean('x:type=a', { count: 4 })],
    );
    expect(sample.name).toBe('m_count:_4_0');
  });

  it('fails on a group the pattern does not have, as Java does (the scrape would fail)', () => {
    const rules = [
      {
        pattern: 'kafka.(.+)<type=app-info, client-id=(.+)><>(version): (.+)',
        name: 'kafka_$1_$3_info',
        value: 1,
        labels: { clientId: '$2', $3: '$4', empty: '$9' },
      },
    ];
    expect(() =>
      applyRules({ rules }, [
        bean('kafka.admin.client:type=app-info,client-id=A-1', {
          version: '4.1.0',
        }),
      ]),
    ).toThrow(/no group 9/);
  });

  it('substitutes groups in label names, leaves out empty labels, makes names safe and lower-case', () => {
    const [sample] = applyRules(
      {
        lowercaseOutputName: true,
        lowercaseOutputLabelNames: true,
        rules: [
          {
            pattern:
              'kafka.(.+)<type=app-info, client-id=(.+)><>(version): (.+)()',
            name: 'Kafka_$1_$3_info',
            value: 1,
            labels: { clientId: '$2', $3: '$4', empty: '$5' },
          },
        ],
      },
      [
        bean('kafka.admin.client:type=app-info,client-id=A-1', {
          version: '4.1.0',
        }),
      ],
    );
    expect(sample).toMatchObject({
      name: 'kafka_admin_client_version_info',
      labels: { clientid: 'A-1', version: '4.1.0' },
      value: 1,
    });
  });

  it('applies valueFactor and keeps the type', () => {
    const [sample] = applyRules(
      {
        rules: [
          {
            pattern: 'kafka.(.+)<type=app-info, client-id=(.+)><>start-time-ms',
            name: 'kafka_$1_start_time_seconds',
            type: 'GAUGE',
            valueFactor: 0.001,
          },
        ],
      },
      [
        bean('kafka.producer:type=app-info,client-id=p', {
          'start-time-ms': 5000,
        }),
      ],
    );
    expect(sample).toMatchObject({
      name: 'kafka_producer_start_time_seconds',
      type: 'GAUGE',
      value: 5,
    });
  });

  it('exports in the default format when a rule has no name', () => {
    const samples = applyRules({ lowercaseOutputName: true, rules: [{}] }, [
      WORKER,
    ]);
    expect(samples).toEqual([
      expect.objectContaining({
        name: 'kafka_connect_connect_worker_metrics_connector_running_task_count',
        labels: { connector: 'c1' },
      }),
    ]);
  });

  it('refuses what jmx_exporter refuses, and config keys it does not model', () => {
    expect(() =>
      applyRules({ rules: [{ pattern: 'x', labels: { a: 'b' } }] }, []),
    ).toThrow(/Must provide name/);
    expect(() => applyRules({ rules: [{ name: 'x' }] }, [])).toThrow(
      /Must provide pattern/,
    );
    expect(() =>
      applyRules({ includeObjectNames: ['x:*'] } as never, []),
    ).toThrow(/does not model config key includeObjectNames/);
  });

  it('reads $n as Java does, and makes names safe as jmx_exporter does', () => {
    const groups = [
      'all',
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      'j',
      'k',
    ];
    expect(javaReplacement('$1_$11_$1a_\\$2', groups)).toBe('a_k_aa_$2');
    expect(javaReplacement('$12', groups.slice(0, 3))).toBe('a2');
    expect(safeName('kafka_admin.client__x--y')).toBe('kafka_admin_client_x_y');
    expect(safeName('1st')).toBe('_1st');
  });
});
