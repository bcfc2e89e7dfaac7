// L4: OTP checks at 50 per second for 2 minutes, 70 % carrying the right code (each right code sent twice, so
// a second acceptance would show) and 30 % a wrong one, each on its own pending sign-in.
/* eslint-disable no-restricted-properties -- a benchmark reads its own settings */
import { startLoginChallenge } from "@/lib/sessions/service";
import { post } from "../support/http";
import { latestCodes, type PhoneUser } from "../support/phone-users";
import { atRate } from "../support/rate";
import type { Check } from "../support/report";
import { ms, summarize } from "../support/stats";

const RATE = 50;
const SECONDS = Number(process.env.L4_SECONDS ?? 120);
const TOTAL = RATE * SECONDS;
const RIGHT_PAIRS = Math.round((TOTAL * 0.7) / 2);
const WRONG = TOTAL - 2 * RIGHT_PAIRS;

export const l4Users = RIGHT_PAIRS + WRONG;

const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

export async function l4Codes(portal: string, users: PhoneUser[]): Promise<Check[]> {
  // One pending sign-in and one text per user, as the sign-in page would ask.
  const challenges = await Promise.all(
    users.map((u) => startLoginChallenge(u.id, { ip: null, userAgent: "bench" }, new Date())),
  );
  for (let from = 0; from < users.length; from += 32)
    await Promise.all(
      users.slice(from, from + 32).map(async (u, k) => {
        const r = await post(portal, "/api/v1/sign-in/otp/send", {
          challenge: challenges[from + k],
          phoneId: u.phoneId,
          channel: "SMS",
        });
        if (r.json.status !== "code_sent")
          throw new Error(`L4 set-up: no code sent (${r.status} ${JSON.stringify(r.json)})`);
      }),
    );
  const codes = await latestCodes();
  // Requests in random order: a right code's two copies land at random distances, some at once.
  const plan = [
    ...Array.from({ length: RIGHT_PAIRS }, (_, u) => [
      { u, right: true },
      { u, right: true },
    ]).flat(),
    ...Array.from({ length: WRONG }, (_, k) => ({ u: RIGHT_PAIRS + k, right: false })),
  ].sort(() => Math.random() - 0.5);
  const accepted = new Array<number>(users.length).fill(0);
  const samples = await atRate(RATE, SECONDS, async (i) => {
    const { u, right } = plan[i]!;
    const code = codes.get(users[u]!.e164)!;
    const r = await post(portal, "/api/v1/sign-in/otp/verify", {
      challenge: challenges[u],
      code: right ? code : wrongOf(code),
    });
    if (r.json.status === "authenticated") accepted[u]! += 1;
    // A refusal of the second copy or of a wrong code is the right answer, not an error.
    return { status: r.status, ok: r.status < 500 };
  });
  const s = summarize(samples);
  console.log(`L4 ${RATE}/s × ${SECONDS} s:`, s);
  const twice = accepted.filter((n) => n > 1).length;
  const wrongIn = accepted.slice(RIGHT_PAIRS).filter((n) => n > 0).length;
  const rightIn = accepted.slice(0, RIGHT_PAIRS).filter((n) => n === 1).length;
  return [
    {
      case: "L4",
      figure: `${twice} codes accepted twice (${RIGHT_PAIRS} sent twice)`,
      criterion: "0 accepted twice",
      pass: twice === 0,
    },
    {
      case: "L4",
      figure: `${wrongIn} wrong codes accepted of ${WRONG}`,
      criterion: "0 wrong accepted",
      pass: wrongIn === 0,
    },
    {
      case: "L4",
      figure: `${rightIn} of ${RIGHT_PAIRS} right codes accepted once`,
      criterion: "every right code accepted",
      pass: rightIn === RIGHT_PAIRS,
    },
    { case: "L4", figure: `${s.server5xx} 5xx of ${s.count}`, criterion: "0 5xx", pass: s.server5xx === 0 },
    { case: "L4", figure: `p95 ${ms(s.p95)}`, criterion: "p95 ≤ 300 ms", pass: s.p95 <= 300 },
  ];
}
