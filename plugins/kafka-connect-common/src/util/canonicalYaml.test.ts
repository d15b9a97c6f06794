import { parse } from 'yaml';
import { readCanonicalYaml } from './canonicalYaml';
import { toYaml } from './yaml';

describe('readCanonicalYaml', () => {
  // Everything toYaml writes for the data of a values file: scalars of every kind, quoting,
  // keys that look like options or numbers, nesting, compact sequences, literal blocks.
  const written: Record<string, unknown>[] = [
    { name: 'orders', replicas: 3, enabled: true, off: false, none: null },
    { ratio: 0.5, big: 12345678901, negative: -7, exp: 1e21, zero: -0 },
    {
      quoted: ['on', 'yes', 'null', '1e3', '0x1F', '0o17', '~', '2001-12-14'],
      odd: ['a: b', '#x', 'x #y', ' lead', 'trail ', "it's", 'say "hi"', ''],
      escapes: ['tab\there', 'bell\x07', 'é ünïcödé', '\u2028', 'back\\slash'],
      url: 'https://example.com/a?b=c&d=e#f',
      pattern: '*.crt',
      reference: '${secrets:ns/name:key}',
    },
    { '-Xms': '1g', '-XX': { UseG1GC: 'true' }, 'a.b/c': 1, '1': 'one' },
    { '': 'empty key', 'key with: colon': 'v', '"q"': 'x' },
    {
      list: [
        { name: 'a', items: [{ key: 'k', path: 'p' }] },
        [1, [2, 3]],
        [],
        {},
        'plain',
      ],
      empty: { map: {}, list: [] },
    },
    {
      script: 'line one\nline two\n',
      stripped: 'no newline at the end\nsecond',
      kept: 'two newlines\n\n',
      indented: '  starts with spaces\nnext',
      blank: 'a\n\nb\n',
    },
  ];

  it.each(written.map(v => [toYaml(v), v]))(
    'reads back what toYaml wrote, as the yaml package does:\n%s',
    (text, value) => {
      const read = readCanonicalYaml(text as string);
      const full = parse(text as string);
      expect(full).toEqual(value);
      // Either read, as the full parser reads it (toEqual tells -0 from 0), or left to it.
      expect(read ?? full).toEqual(full);
    },
  );

  it('reads the ordinary values of a cluster itself, not through the full parser', () => {
    for (const value of written.slice(0, 4).concat(written[5])) {
      expect(readCanonicalYaml(toYaml(value))).toEqual(value);
    }
  });

  // Valid YAML for the same data, but not what toYaml writes: left to the full parser.
  const notCanonical = [
    'name: orders # a comment\n',
    '# heading\nname: orders\n',
    'name: "orders"\n',
    "name: 'orders'\n",
    'name:   orders\n',
    'name: orders',
    'name: orders\r\n',
    '---\nname: orders\n',
    'name: orders\n---\nname: other\n',
    'list: [a, b]\n',
    'map: {a: 1}\n',
    'list:\n- a\n- b\n',
    'map:\n    deep: 1\n',
    'count: 007\n',
    'count: +3\n',
    'hex: 0x1F\n',
    'inf: .inf\n',
    'on: true\n',
    'a: &x 1\nb: *x\n',
    'tagged: !secret x\n',
    'text: >\n  folded\n',
    'text: |2\n   x\n',
    'text: |\n  a\n\nnext: 1\n',
    'multi: first\n  second\n',
    '? complex\n: key\n',
  ];

  it.each(notCanonical)('leaves %j to the full parser', text => {
    expect(readCanonicalYaml(text)).toBeUndefined();
  });

  // What the full parser refuses or reads as something else: never read here.
  const wrong = [
    '',
    '\n',
    'a: 1\na: 2\n',
    '- a\n- b\n',
    'plain\n',
    'a: "unclosed\n',
    "a: 'unclosed\n",
    'a: "bad \\q escape"\n',
    '__proto__: x\n',
    'a:\n  - b\n c: 1\n',
    '  a: 1\n',
  ];

  it.each(wrong)('does not read %j', text => {
    expect(readCanonicalYaml(text)).toBeUndefined();
  });
});
