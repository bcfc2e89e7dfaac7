// Password sign-in at the service level, against the real PostgreSQL (run with `npm run bench`):
// throughput and latency at fixed concurrency, and (reliability case A6) the timing gaps that could tell
// whether an account exists: sign-in with an unknown account vs a wrong password, a reset for an unknown vs a
// known login, a sign-up with a new vs a taken email; 200 interleaved trials each, |Δ median| < 10 ms.
// Exits 1 when a gap is 10 ms or more. Same-box figures: database and Node share 2 cores.
/* eslint-disable no-restricted-properties, @typescript-eslint/no-restricted-imports -- a benchmark seeds its own data */
// scripts/test-db.ts provides DATABASE_URL and the secrets; env() is read lazily, after this line.
import { hashPassword } from "@/lib/accounts/password";
import { requestPasswordReset, signInWithPassword, signUp } from "@/lib/accounts/service";
import { db } from "@/lib/core/db";
import { claimSessionTicket } from "@/lib/sessions/service";
import { truncate } from "../tests/setup/db";
import { finish, type Check } from "./support/report";

process.env.LOG_LEVEL = "silent";

const USERS = Number(process.env.BENCH_USERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const PASSWORD = "correct-horse-battery-staple";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarise(label: string, samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(1);
  console.log(
    `${label}: n=${s.length} p50=${fmt(percentile(s, 50))} ms p95=${fmt(percentile(s, 95))} ms p99=${fmt(percentile(s, 99))} ms`,
  );
  return percentile(s, 50);
}

let ipCounter = 0;
const nextIp = () => {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

await truncate(["users", "sessions", "audit_events", "rate_limits", "email_tokens"]);
const passwordHash = await hashPassword(PASSWORD);
await db().user.createMany({
  data: Array.from({ length: USERS }, (_, i) => ({
    email: `bench-${i}@example.test`,
    username: `bench-${i}`,
    firstName: "Bench",
    lastName: `User${i}`,
    country: "US",
    passwordHash,
    emailVerifiedAt: new Date(),
  })),
});

// 1. Good sign-ins (password check + session row + ticket claim) at fixed concurrency.
const latencies: number[] = [];
let errors = 0;
const deadline = performance.now() + SECONDS * 1000;
let n = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < deadline) {
      const i = n++ % USERS;
      const started = performance.now();
      try {
        const result = await signInWithPassword(
          { login: `bench-${i}`, password: PASSWORD },
          { ip: nextIp(), userAgent: "bench" },
        );
        if (result.kind !== "session" || !(await claimSessionTicket(result.ticket, new Date()))) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - started);
    }
  }),
);
console.log(
  `good sign-ins: ${(latencies.length / SECONDS).toFixed(1)} /s at concurrency ${CONCURRENCY}, errors ${errors}`,
);
summarise("good sign-in latency", latencies);

// 2. What an account's existence could change, as interleaved pairs, one call at a time.
const TRIALS = 200;
async function gap(
  label: string,
  absent: (i: number) => Promise<unknown>,
  present: (i: number) => Promise<unknown>,
) {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < TRIALS; i += 1) {
    for (const [k, call] of [absent, present].entries()) {
      const started = performance.now();
      await call(i).catch(() => undefined);
      times[k]!.push(performance.now() - started);
    }
  }
  const delta = Math.abs(summarise(`${label}: absent`, times[0]) - summarise(`${label}: present`, times[1]));
  return {
    case: "A6",
    figure: `${label}: |Δ median| ${delta.toFixed(2)} ms`,
    criterion: "< 10 ms",
    pass: delta < 10,
  };
}
const request = () => ({ ip: nextIp(), userAgent: "bench" });
const checks: Check[] = [
  await gap(
    "sign-in, unknown account vs wrong password",
    (i) => signInWithPassword({ login: `nobody-${i}@example.test`, password: "not the password" }, request()),
    (i) =>
      signInWithPassword(
        { login: `bench-${i % USERS}@example.test`, password: "not the password" },
        request(),
      ),
  ),
  await gap(
    "password reset, unknown vs known login",
    (i) => requestPasswordReset({ login: `nobody-${i}@example.test` }, request()),
    (i) => requestPasswordReset({ login: `bench-${i % USERS}@example.test` }, request()),
  ),
  await gap(
    "sign-up, new vs taken email",
    (i) => signUp(newAccount(`fresh-${i}`, `fresh-${i}@example.test`), request()),
    (i) => signUp(newAccount(`again-${i}`, `bench-${i % USERS}@example.test`), request()),
  ),
];

function newAccount(username: string, email: string) {
  return {
    firstName: "Bench",
    lastName: "Person",
    email,
    username,
    password: "violet-kettle-harbour-92",
    confirmPassword: "violet-kettle-harbour-92",
    country: "US",
  };
}

await db().$disconnect();
finish(checks);
