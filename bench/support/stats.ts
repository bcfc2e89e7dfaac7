// Latency figures for the benchmarks' reports.

/** One request (or one multi-step operation): when it started (s from the run's start), how long, how it ended. */
export type Sample = { at: number; ms: number; status: number; ok: boolean };

export type Summary = {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  server5xx: number;
};

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function summarize(samples: Sample[]): Summary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    count: samples.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? NaN,
    errors: samples.filter((s) => !s.ok).length,
    server5xx: samples.filter((s) => s.status >= 500).length,
  };
}

export const ms = (n: number) => `${Math.round(n)} ms`;
