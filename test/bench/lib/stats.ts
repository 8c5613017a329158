/** Small statistics helpers for the benchmark: medians of repeated runs, interleaved A/B timing. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank quantile (q in 0..1), for the spread printed next to a median. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

export interface Paired {
  a: number[];
  b: number[];
}

/**
 * Runs `a` and `b` alternately (a b, b a, a b, ...) so drift (thermal, GC, other load on the box)
 * hits both sides equally. Each function returns its own duration in ms (so it can exclude setup).
 */
export async function interleave(
  a: () => Promise<number> | number,
  b: () => Promise<number> | number,
  options: { warmup: number; iterations: number },
): Promise<Paired> {
  for (let i = 0; i < options.warmup; i++) {
    await a();
    await b();
  }
  const out: Paired = { a: [], b: [] };
  for (let i = 0; i < options.iterations; i++) {
    if (i % 2 === 0) {
      out.a.push(await a());
      out.b.push(await b());
    } else {
      out.b.push(await b());
      out.a.push(await a());
    }
  }
  return out;
}

/** Times `fn` and returns ms. */
export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Median cost of one call in microseconds, from `batches` batches of `perBatch` calls each (a single
 * call is too short to time reliably on its own).
 */
export function microsPerCall(
  fn: () => unknown,
  options: { warmupMs: number; batches: number; perBatch: number },
) {
  // Warm up by time, not by count: the optimising JIT needs a while on a slow or busy machine.
  const until = performance.now() + options.warmupMs;
  do fn();
  while (performance.now() < until);
  const perCall: number[] = [];
  for (let b = 0; b < options.batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < options.perBatch; i++) fn();
    perCall.push(((performance.now() - t0) * 1000) / options.perBatch);
  }
  return { median: median(perCall), p90: quantile(perCall, 0.9), samples: perCall.length };
}
