import { branchNameProblem } from './refName';

describe('branchNameProblem', () => {
  it.each(['kafka-connect/orders', 'main', 'feature/a.b_c+d-1', 'x'])(
    'accepts %j',
    name => {
      expect(branchNameProblem(name)).toBeUndefined();
    },
  );

  it.each([
    '',
    'HEAD',
    '-f',
    '--force',
    '../x',
    'a//b',
    'a/',
    '/a',
    '.hidden',
    'a/.b',
    'a..b',
    'a.',
    'a.lock',
    'with space',
    'a~1',
    'a^',
    'a:b',
    'a?',
    'a*',
    'a[b',
    'a\\b',
    'a@{1}',
    'tab\there',
    'new\nline',
    'x'.repeat(201),
  ])('refuses %j', name => {
    expect(branchNameProblem(name)).toEqual(expect.any(String));
  });
});
