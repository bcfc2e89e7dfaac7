// L1: whole sign-ins (password, text, code) over HTTP at a fixed 10 per second, then stepped up to the knee.
/* eslint-disable no-restricted-properties -- a benchmark reads its own settings */
import { fullSignIn, type PhoneUser } from "../support/phone-users";
import { atRate } from "../support/rate";
import type { Check } from "../support/report";
import { ms, summarize } from "../support/stats";

const STEADY_RATE = 10;
const STEADY_SECONDS = Number(process.env.L1_SECONDS ?? 300);
const STEP_SECONDS = Number(process.env.L1_STEP_SECONDS ?? 20);
const STEPS = [15, 20, 30, 40, 50, 60, 80, 100, 120];

export const l1Users =
  (STEADY_RATE * STEADY_SECONDS + STEPS.reduce((a, r) => a + r, 0) * STEP_SECONDS) * 1.02;

export async function l1Logins(portal: string, users: PhoneUser[]): Promise<Check[]> {
  let next = 0;
  const signIn = () => fullSignIn(portal, users[next++]!);
  const steady = summarize(await atRate(STEADY_RATE, STEADY_SECONDS, signIn));
  console.log(`L1 steady ${STEADY_RATE}/s × ${STEADY_SECONDS} s:`, steady);

  // The knee: the highest arrival rate still answered with p95 ≤ 500 ms and no errors.
  let knee = 0;
  for (const rate of STEPS) {
    const step = summarize(await atRate(rate, STEP_SECONDS, signIn));
    console.log(`L1 step ${rate}/s × ${STEP_SECONDS} s:`, step);
    if (step.p95 > 500 || step.errors > 0) break;
    knee = rate;
  }
  const where = `${STEADY_RATE}/s × ${STEADY_SECONDS} s, ${steady.count} sign-ins`;
  return [
    {
      case: "L1",
      figure: `${steady.server5xx} 5xx, ${steady.errors} failed (${where})`,
      criterion: "0 5xx",
      pass: steady.server5xx === 0 && steady.errors === 0,
    },
    { case: "L1", figure: `p95 ${ms(steady.p95)}`, criterion: "p95 ≤ 500 ms", pass: steady.p95 <= 500 },
    { case: "L1", figure: `p99 ${ms(steady.p99)}`, criterion: "p99 ≤ 1 s", pass: steady.p99 <= 1000 },
    {
      case: "L1",
      figure: `knee ${knee}/s (steps of ${STEP_SECONDS} s)`,
      criterion: "knee ≥ 15/s",
      pass: knee >= 15,
    },
  ];
}
