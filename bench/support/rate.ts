import type { Sample } from "./stats";

export type Outcome = { status: number; ok: boolean };

/**
 * Open-loop load: starts `op(i)` at `rate` per second for `seconds`, whether or not earlier ones have
 * finished (arrivals do not wait for the server, as real users do not), and returns one sample per call.
 * A throw counts as status 0, not ok.
 */
export async function atRate(
  rate: number,
  seconds: number,
  op: (i: number) => Promise<Outcome>,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const started = performance.now();
  const total = Math.round(rate * seconds);
  const running: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    running.push(
      op(i)
        .catch((): Outcome => ({ status: 0, ok: false }))
        .then((outcome) => {
          samples.push({ at: (t0 - started) / 1000, ms: performance.now() - t0, ...outcome });
        }),
    );
  }
  await Promise.all(running);
  return samples;
}

/** Closed-loop load: `clients` callers each run `op` back to back until `seconds` pass or `limit` calls are made. */
export async function closedLoop(
  clients: number,
  seconds: number,
  op: (i: number) => Promise<Outcome>,
  limit = Infinity,
): Promise<{ samples: Sample[]; elapsed: number }> {
  const samples: Sample[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && next < limit) {
        const i = next++;
        const t0 = performance.now();
        const outcome = await op(i).catch((): Outcome => ({ status: 0, ok: false }));
        samples.push({ at: (t0 - started) / 1000, ms: performance.now() - t0, ...outcome });
      }
    }),
  );
  return { samples, elapsed: (performance.now() - started) / 1000 };
}
