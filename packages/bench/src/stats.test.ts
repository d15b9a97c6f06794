import { median, percentile, round } from './stats';

describe('percentile', () => {
  it('takes the nearest rank, whatever the input order', () => {
    const sample = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(sample, 50)).toBe(5);
    expect(percentile(sample, 95)).toBe(10);
    expect(percentile(sample, 10)).toBe(1);
    expect(percentile(sample, 100)).toBe(10);
  });

  it('gives the 99th value of 100 as p99', () => {
    const sample = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(sample, 99)).toBe(99);
  });

  it('refuses an empty sample and a percentile outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow('empty');
    expect(() => percentile([1], 0)).toThrow('not in');
    expect(() => percentile([1], 101)).toThrow('not in');
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('leaves the sample unsorted', () => {
    const sample = [3, 1, 2];
    median(sample);
    expect(sample).toEqual([3, 1, 2]);
  });
});

describe('round', () => {
  it('keeps two decimals below 10 and one above', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(123.456)).toBe(123.5);
  });
});
