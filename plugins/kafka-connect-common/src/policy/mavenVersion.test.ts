import {
  compareMavenVersions,
  parseVersionRule,
  versionMatches,
} from './mavenVersion';

function matches(version: string, rule: string): boolean {
  const parsed = parseVersionRule(rule);
  if (typeof parsed === 'string') throw new Error(parsed);
  return versionMatches(version, parsed);
}

describe('Maven versions', () => {
  it.each([
    ['2.7.3.Final', '2.7.3'],
    ['2.7.0', '2.7'],
    ['1.0-GA', '1.0'],
    ['3.0.0.cr1', '3.0.0.CR1'],
  ])('%s equals %s', (a, b) => {
    expect(compareMavenVersions(a, b)).toBe(0);
  });

  it.each([
    ['1.9', '1.10'],
    ['2.7.3.Final', '2.7.4.Final'],
    ['3.0.0.CR1', '3.0.0.Final'],
    ['3.0.0.Beta1', '3.0.0.CR1'],
    ['3.0.0.Alpha2', '3.0.0.Beta1'],
    ['1.0-SNAPSHOT', '1.0'],
    ['1.0-rc1', '1.0.1'],
    ['1.0', '1.0-sp1'],
    ['0.1.0.58', '0.1.0.59'],
  ])('%s comes before %s', (a, b) => {
    expect(compareMavenVersions(a, b)).toBe(-1);
    expect(compareMavenVersions(b, a)).toBe(1);
  });
});

describe('version rules of the policy', () => {
  it.each([
    ['2.7.3.Final', '[2.7,3.0)', true],
    ['3.0.0.CR1', '[2.7,3.0)', true], // Maven: a release candidate of 3.0 is below 3.0
    ['3.0.0.Final', '[2.7,3.0)', false],
    ['2.6.9.Final', '[2.7,3.0)', false],
    ['2.7', '(2.7,3.0)', false],
    ['3.0', '[2.7,3.0]', true],
    ['9.9', '[3.0,)', true],
    ['1.0', '(,2.0]', true],
    ['2.0.1', '(,2.0]', false],
    ['2.7.3.Final', '[2.7.3]', true],
    ['2.7.4.Final', '[2.7.3]', false],
    ['1.5', '[1.0,2.0),[3.0,)', true],
    ['2.5', '[1.0,2.0),[3.0,)', false],
    ['3.1', '[1.0,2.0), [3.0,)', true],
    ['2.7.3.Final', '2.7.3.Final', true],
    ['2.7.3', '2.7.3.Final', true],
    ['2.7.4.Final', '2.7.3.Final', false],
  ])('%s in %s: %s', (version, rule, expected) => {
    expect(matches(version, rule)).toBe(expected);
  });

  it.each([
    ['[3.0,2.0)', /empty/],
    ['[2.0', /Maven version ranges/],
    ['(2.0)', /one version is written/],
    ['[,2.0)', /closed side/],
    ['[1.0,2.0],x', /ranges/],
    ['2.0 final', /Maven version/],
  ])('refuses %s, saying why', (rule, message) => {
    expect(parseVersionRule(rule)).toMatch(message);
  });
});
