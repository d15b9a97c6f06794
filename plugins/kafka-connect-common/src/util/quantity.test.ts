import { compareQuantities, parseQuantity } from './quantity';

function compare(a: string | number, b: string | number): number {
  return compareQuantities(parseQuantity(a)!, parseQuantity(b)!);
}

describe('Kubernetes quantities', () => {
  it.each([
    ['500m', '0.5'],
    ['1', '1000m'],
    [1, '1'],
    [0.5, '500m'],
    ['1Gi', '1024Mi'],
    ['1Mi', '1024Ki'],
    ['1k', '1000'],
    ['1M', '1000k'],
    ['1.5Gi', '1536Mi'],
    ['1e3', '1k'],
    ['2E', '2e18'],
    ['0', '0m'],
  ])('%s equals %s', (a, b) => {
    expect(compare(a, b)).toBe(0);
  });

  it.each([
    ['499m', '0.5'],
    ['1G', '1Gi'],
    ['1000Mi', '1Gi'],
    ['953Mi', '1G'], // 999,292,928 bytes < 1,000,000,000
    ['1G', '954Mi'],
    ['0.001', '2m'],
    ['1Ki', '1.025k'],
  ])('%s is less than %s', (a, b) => {
    expect(compare(a, b)).toBeLessThan(0);
    expect(compare(b, a)).toBeGreaterThan(0);
  });

  it('keeps exact values where floating point would not (0.1 + 0.2 cores)', () => {
    expect(parseQuantity('300m')).toEqual({
      numerator: 300n,
      denominator: 1000n,
    });
    expect(compare('100m', '0.1')).toBe(0);
    expect(compare('0.3', '300m')).toBe(0);
    expect(compare('16Ei', '18446744073709551616')).toBe(0);
  });

  it.each(['', 'abc', '1 Gi', '1gi', '-1', '1.2.3', 'Gi', -1, Number.NaN])(
    'reads %p as no quantity',
    value => {
      expect(parseQuantity(value)).toBeUndefined();
    },
  );
});
