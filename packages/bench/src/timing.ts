/** Wall-clock timing with the high-resolution monotonic clock. */

/** Runs `fn` `warmup` times unmeasured (JIT, caches), then `runs` times measured, one after another. */
export function sampleSync(
  runs: number,
  warmup: number,
  fn: (index: number) => unknown,
): number[] {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    durations.push(performance.now() - start);
  }
  return durations;
}

/** The same for asynchronous work. */
export async function sampleAsync(
  runs: number,
  warmup: number,
  fn: (index: number) => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    durations.push(performance.now() - start);
  }
  return durations;
}
