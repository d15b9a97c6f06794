import { parseArgs } from './args';
import { ArgumentError } from './errors';

describe('parseArgs', () => {
  it('reads --flag value and --flag=value', () => {
    expect(
      parseArgs([
        'render',
        '--values',
        'v.yaml',
        '--out=out',
        '--layout=kustomize',
      ]),
    ).toEqual({
      kind: 'render',
      values: 'v.yaml',
      out: 'out',
      layout: 'kustomize',
    });
    expect(parseArgs(['--values=v.yaml', 'validate'])).toEqual({
      kind: 'validate',
      values: 'v.yaml',
    });
    expect(parseArgs(['manifests', '--values', 'v.yaml'])).toEqual({
      kind: 'manifests',
      values: 'v.yaml',
    });
  });

  it('leaves the layout to the renderer when --layout is absent', () => {
    expect(parseArgs(['render', '--values', 'v', '--out', 'o'])).toEqual({
      kind: 'render',
      values: 'v',
      out: 'o',
    });
  });

  it.each([
    ['--help'],
    ['-h'],
    ['render', '--bogus', '-h'],
    ['nope', '--help'],
  ])('treats %s as a request for help', (...argv: string[]) => {
    expect(parseArgs(argv)).toEqual({ kind: 'help' });
  });

  it.each([
    [[], /missing command/],
    [['deploy', '--values', 'v'], /unknown command "deploy"/],
    [['validate'], /validate needs --values FILE/],
    [['validate', '--values'], /--values needs a value/],
    [['validate', '--values='], /--values needs a value/],
    [['validate', '--values', '--out', 'o'], /--values needs a value/],
    [['validate', '--values', 'a', '--values', 'b'], /given more than once/],
    [['validate', '--values', 'v', '--verbose'], /unknown option --verbose/],
    [['validate', '--values', 'v', '-v'], /unknown option -v/],
    [['validate', '--values', 'v', 'extra'], /unexpected argument "extra"/],
    [['validate', '--values', 'v', '--out', 'o'], /validate takes no --out/],
    [
      ['manifests', '--values', 'v', '--layout', 'helm'],
      /manifests takes no --layout/,
    ],
    [['render', '--values', 'v'], /render needs --out DIR/],
    [
      ['render', '--values', 'v', '--out', 'o', '--layout', 'argo'],
      /--layout must be helm or kustomize, not "argo"/,
    ],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(ArgumentError);
    expect(() => parseArgs(argv as string[])).toThrow(message as RegExp);
  });
});
