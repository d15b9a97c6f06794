import { parse } from 'yaml';
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
});
