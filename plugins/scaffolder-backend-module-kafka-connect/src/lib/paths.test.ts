import { relativeFolder } from './paths';

describe('relativeFolder', () => {
  it.each([
    ['.', '.'],
    ['', '.'],
    ['./', '.'],
    ['clusters/prod/orders', 'clusters/prod/orders'],
    ['./clusters//prod/./orders/', 'clusters/prod/orders'],
    ['clusters\\prod', 'clusters/prod'],
    ['.hidden/x', '.hidden/x'],
  ])('normalises %j to %j', (input, expected) => {
    expect(relativeFolder(input, 'targetPath', { allowRoot: true })).toBe(
      expected,
    );
  });

  it.each([
    ['/abs', /absolute/],
    ['\\\\server\\share', /absolute/],
    ['C:/x', /absolute/],
    ['..', /climb out/],
    ['a/../..', /climb out/],
    ['a/..', /climb out/],
    ['a\\..\\..\\b', /climb out/],
    ['.git', /\.git/],
    ['x/.GIT/y', /\.git/],
    ['a\nb', /control characters/],
  ])('refuses %j', (input, says) => {
    expect(() =>
      relativeFolder(input, 'targetPath', { allowRoot: true }),
    ).toThrow(says);
  });

  it('names the field and refuses the top where a folder is needed', () => {
    expect(() =>
      relativeFolder('./', 'targetPath', { allowRoot: false }),
    ).toThrow(/^targetPath: must name a folder below the top/);
  });
});
