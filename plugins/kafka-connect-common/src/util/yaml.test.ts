import { Document, parse } from 'yaml';
import { toYaml } from './yaml';

describe('toYaml', () => {
  // Plain in YAML 1.2 but booleans, numbers or times to a YAML 1.1 reader (go-yaml in
  // kubectl and Helm), and the other way round.
  const ambiguous = [
    'on',
    'Off',
    'yes',
    'NO',
    'y',
    'n',
    '1_000',
    '2001-12-14',
    '0o17',
    '0x1F',
    '~',
    'null',
    'true',
    '1e3',
    '<<',
  ];

  it.each(ambiguous)(
    'quotes %j so that YAML 1.1 and 1.2 readers both get the string',
    text => {
      const written = toYaml({ [text]: text });
      expect(parse(written)).toEqual({ [text]: text });
      expect(parse(written, { version: '1.1' })).toEqual({ [text]: text });
    },
  );

  it('leaves plain words plain and numbers, booleans and null as they are', () => {
    expect(toYaml({ mode: 'initial', count: 3, on: true, none: null })).toBe(
      'mode: initial\ncount: 3\n"on": true\nnone: null\n',
    );
  });

  // The short cut for plain words must write what the yaml package itself would.
  const words = [
    'orders',
    'kafka.strimzi.io/v1',
    'Plain text here',
    '_under',
    'a-b_c.d/e',
    'x'.repeat(5000),
    'Yes please',
    'on call',
    'nulls',
    'y1',
    'No.',
    'True-ish',
    'a  b',
    'a b ',
    'a: b',
    'a #b',
    'a/b:c',
    'café',
    'tab\there',
    'line\nbreak',
    '-dash',
    '.dot',
    '%percent',
    'end:',
  ];

  it.each(words)('writes %j as the yaml package would', text => {
    const packageOwn = new Document(
      { [text]: text },
      { aliasDuplicateObjects: false, compat: 'yaml-1.1' },
    ).toString({ directives: false, lineWidth: 0, minContentWidth: 0 });
    expect(toYaml({ [text]: text })).toBe(packageOwn);
    expect(parse(packageOwn, { version: '1.1' })).toEqual({ [text]: text });
  });
});

describe('toYaml node building', () => {
  // toYaml builds the node tree itself; the text must be what the package's own
  // `new Document(value)` gives for the same data (its short cut for words aside).
  const packageOwn = (value: unknown) =>
    new Document(value, {
      aliasDuplicateObjects: false,
      compat: 'yaml-1.1',
    }).toString({ directives: false, lineWidth: 0, minContentWidth: 0 });
  const shared = { kind: 'shared', list: [1, 2] };
  const sparse: unknown[] = [1];
  sparse[2] = 'three';
  const cases: Record<string, unknown> = {
    nested: {
      apiVersion: 'v1',
      metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'x' } },
      spec: {
        replicas: 3,
        ratio: 0.5,
        big: 12345678901234567890,
        negative: -0,
        nan: NaN,
        inf: -Infinity,
        enabled: false,
        none: null,
        skipped: undefined,
        empty: {},
        emptyList: [],
        items: [
          'a',
          null,
          undefined,
          { k: 'v', deeper: [[1, [2]], {}] },
          [],
          'multi\nline\ntext\n',
          '  leading',
          '',
        ],
      },
    },
    'shared objects written twice, not aliased': { a: shared, b: shared },
    'a sparse array': { sparse },
    'a Map, a Set and a Date': {
      map: new Map<unknown, unknown>([
        ['k', 1],
        [2, { x: 'y' }],
      ]),
      set: new Set(['a', 'b']),
      date: new Date(0),
    },
    'boxed values and toJSON': {
      boxed: [Object('text'), Object(3), Object(true)],
      json: { toJSON: () => ({ replaced: true }) },
      bigint: BigInt(7),
    },
    'an object without a prototype': Object.assign(Object.create(null), {
      key: 'value',
    }),
    'a top-level list': [{ a: 1 }, 'b'],
    'a top-level string': 'on',
    'a top-level null': null,
  };

  it.each(Object.entries(cases))(
    'writes %s as the yaml package would',
    (_name, value) => {
      expect(toYaml(value)).toBe(packageOwn(value));
    },
  );
});
