// `npm run bench:reliability`: the load cases of the reliability anchors (docs/reliability.md) against the
// production build (one process, the default pool) and real PostgreSQL, each with its pass criteria; exits 1
// when any criterion fails. RELIABILITY_CASES=L1,L3,L4,L5 picks cases; L1_SECONDS, L1_STEP_SECONDS and L4_SECONDS
// shorten them. PostgreSQL restart (F1) is bench:restart, the soak (L2) bench:soak.
/* eslint-disable no-restricted-properties, @typescript-eslint/no-restricted-imports -- a benchmark configures its own run */
import { db } from "@/lib/core/db";
import { l1Logins, l1Users } from "./reliability/l1-logins";
import { l3Pool, l3Users } from "./reliability/l3-pool";
import { l4Codes, l4Users } from "./reliability/l4-codes";
import { l5Users, l5Webhooks, STRIPE_BENCH_ENV } from "./reliability/l5-webhooks";
import { seedPhoneUsers } from "./support/phone-users";
import { portalEnv, requireBuild, startPortal } from "./support/portal";
import { finish, type Check } from "./support/report";

process.env.LOG_LEVEL = "silent";
const PORT = 3420;
const PORTAL = `http://127.0.0.1:${PORT}`;
const cases = (process.env.RELIABILITY_CASES ?? "L1,L3,L4,L5").split(",");

async function main() {
  requireBuild();
  const wanted = {
    L1: cases.includes("L1"),
    L3: cases.includes("L3"),
    L4: cases.includes("L4"),
    L5: cases.includes("L5"),
  };
  const counts = [
    wanted.L1 ? Math.ceil(l1Users) : 0,
    wanted.L3 ? l3Users : 0,
    wanted.L4 ? l4Users : 0,
    wanted.L5 ? l5Users : 0,
  ];
  const users = await seedPhoneUsers(counts.reduce((a, n) => a + n, 0));
  const slice = (k: number) =>
    users.slice(
      counts.slice(0, k).reduce((a, n) => a + n, 0),
      counts.slice(0, k + 1).reduce((a, n) => a + n, 0),
    );
  const portal = await startPortal(portalEnv(PORT, STRIPE_BENCH_ENV));
  const checks: Check[] = [];
  try {
    if (wanted.L1) checks.push(...(await l1Logins(PORTAL, slice(0))));
    if (wanted.L3) checks.push(...(await l3Pool(PORTAL, slice(1), portal.pid!)));
    if (wanted.L4) checks.push(...(await l4Codes(PORTAL, slice(2))));
    if (wanted.L5) checks.push(...(await l5Webhooks(PORTAL, slice(3))));
  } finally {
    portal.kill("SIGTERM");
    await db().$disconnect();
  }
  finish(checks);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
