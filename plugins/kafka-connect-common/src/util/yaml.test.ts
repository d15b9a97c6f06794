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
