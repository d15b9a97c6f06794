/** Summaries of a sample of durations, in milliseconds. */

/** The nearest-rank percentile (0 < p <= 100) of a non-empty sample. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) throw new Error('percentile of an empty sample');
  if (!(p > 0 && p <= 100))
    throw new Error(`percentile ${p} is not in (0, 100]`);
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(sample: readonly number[]): number {
  if (sample.length === 0) throw new Error('median of an empty sample');
  const sorted = [...sample].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds for printing: figures below 10 keep two decimals, larger ones one. */
export function round(value: number): number {
  const digits = Math.abs(value) < 10 ? 100 : 10;
  return Math.round(value * digits) / digits;
}
