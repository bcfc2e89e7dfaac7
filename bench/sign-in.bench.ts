// Password sign-in at the service level, against the real PostgreSQL (run with `npm run bench`):
// throughput and latency at fixed concurrency, and the timing gap between an unknown account and a
// wrong password (no account enumeration by timing). Same-box figures: database and Node share 2 cores.
/* eslint-disable no-restricted-properties, @typescript-eslint/no-restricted-imports -- a benchmark seeds its own data */
// scripts/test-db.ts provides DATABASE_URL and the secrets; env() is read lazily, after this line.
import { hashPassword } from "@/lib/accounts/password";
import { signInWithPassword } from "@/lib/accounts/service";
import { db } from "@/lib/core/db";
import { claimSessionTicket } from "@/lib/sessions/service";
import { truncate } from "../tests/setup/db";

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

// 2. Unknown account vs wrong password, interleaved, one at a time.
const unknown: number[] = [];
const wrong: number[] = [];
for (let i = 0; i < 200; i += 1) {
  for (const [bucket, login] of [
    [unknown, `nobody-${i}@example.test`],
    [wrong, `bench-${i % USERS}@example.test`],
  ] as const) {
    const started = performance.now();
    await signInWithPassword(
      { login, password: "not the password" },
      { ip: nextIp(), userAgent: "bench" },
    ).catch(() => undefined);
    bucket.push(performance.now() - started);
  }
}
const a = summarise("unknown account", unknown);
const b = summarise("wrong password", wrong);
console.log(`median gap unknown vs wrong password: ${Math.abs(a - b).toFixed(2)} ms`);

await db().$disconnect();
process.exit(0);
