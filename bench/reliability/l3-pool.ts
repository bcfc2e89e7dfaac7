// L3: 200 requests at once on the account page (one server-rendered page, several database reads each) against
// the default pool: the process stays up, every answer is a page or a clean 503 within 10 s, and the p95 of a
// light load is back to its baseline within 30 s.
import { fullSignIn, type PhoneUser } from "../support/phone-users";
import { isAlive } from "../support/portal";
import { closedLoop, type Outcome } from "../support/rate";
import type { Check } from "../support/report";
import { ms, summarize, type Sample } from "../support/stats";

const BURST = 200;
const SESSIONS = 20;
/** The client gives up after 15 s, so an answer later than the 10 s criterion still shows as one. */
const CLIENT_TIMEOUT_MS = 15_000;
/** Back to baseline: a light load's p95 within 1.5 times (and 20 ms of) the p95 measured before the burst. */
const BACK = (baseline: number) => Math.max(baseline * 1.5, baseline + 20);

export const l3Users = SESSIONS;

export async function l3Pool(portal: string, users: PhoneUser[], pid: number): Promise<Check[]> {
  const cookies: string[] = [];
  for (const user of users) {
    const opened = await fullSignIn(portal, user);
    if (!opened.cookie) throw new Error("L3 set-up: a sign-in opened no session");
    cookies.push(opened.cookie);
  }
  const account = async (i: number): Promise<Outcome> => {
    const res = await fetch(`${portal}/account`, {
      headers: { cookie: cookies[i % cookies.length]!, "x-forwarded-for": `10.250.0.${i % 250}` },
      redirect: "manual",
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    return { status: res.status, ok: res.status === 200 };
  };
  const light = async (seconds: number) => summarize((await closedLoop(4, seconds, account)).samples);

  const baseline = await light(10);
  if (baseline.errors)
    throw new Error(`L3 set-up: the account page failed ${baseline.errors} times at light load`);
  console.log("L3 baseline (4 clients, 10 s):", baseline);

  const started = performance.now();
  const burst: Sample[] = await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const t0 = performance.now();
      const outcome = await account(i).catch((): Outcome => ({ status: 0, ok: false }));
      return { at: (t0 - started) / 1000, ms: performance.now() - t0, ...outcome };
    }),
  );
  const b = summarize(burst);
  const statuses = Object.entries(
    burst.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {}),
  ).map(([status, n]) => `${n}×${status}`);
  console.log(`L3 burst of ${BURST}:`, b, statuses.join(" "));
  const clean = burst.filter((s) => s.status === 200 || s.status === 503).length;
  const alive = isAlive(pid);

  // After the burst: 2-second windows of light load until the p95 is back (or 30 s have passed).
  const burstEnd = performance.now();
  let recovered = NaN;
  while (performance.now() - burstEnd < 30_000) {
    const window = await light(2);
    if (window.errors === 0 && window.p95 <= BACK(baseline.p95)) {
      recovered = (performance.now() - burstEnd) / 1000;
      break;
    }
  }
  return [
    {
      case: "L3",
      figure: alive ? "portal process up after the burst" : "portal process gone",
      criterion: "no process exit",
      pass: alive,
    },
    {
      case: "L3",
      figure: `${clean} of ${BURST} answered 200 or 503 (${statuses.join(" ")})`,
      criterion: "only 2xx or a clean 503",
      pass: clean === BURST,
    },
    {
      case: "L3",
      figure: `slowest answer ${ms(b.max)}, p95 ${ms(b.p95)}`,
      criterion: "each within 10 s",
      pass: b.max <= 10_000,
    },
    {
      case: "L3",
      figure: Number.isNaN(recovered)
        ? "p95 not back within 30 s"
        : `p95 back to ≤ ${ms(BACK(baseline.p95))} after ${recovered.toFixed(1)} s (baseline ${ms(baseline.p95)})`,
      criterion: "p95 back to baseline within 30 s",
      pass: !Number.isNaN(recovered),
    },
  ];
}
