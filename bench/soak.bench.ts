// `npm run bench:soak` (reliability case L2): SOAK_MINUTES (30) of mixed traffic at 5 requests per second
// against the production build: a whole sign-in each second (password, text, code: 3 requests) and two
// dashboard views by users signed in earlier. Sampled every 10 s: the portal's resident memory (with its
// workers) and the PostgreSQL connections it holds. Pass: 0 5xx, memory growth ≤ 10 % after the warm-up
// (the first tenth of the run, at least a minute), 0 connection-pool timeouts in the portal's log, and at most
// its two pools' worth of connections. `npm run test:slow` runs 3 minutes of it.
/* eslint-disable no-restricted-properties, @typescript-eslint/no-restricted-imports -- a benchmark configures its own run */
import { readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { db } from "@/lib/core/db";
import { fullSignIn, seedPhoneUsers } from "./support/phone-users";
import { isAlive, portalEnv, requireBuild, startPortal, treeRss } from "./support/portal";
import { atRate, type Outcome } from "./support/rate";
import { finish } from "./support/report";
import { summarize } from "./support/stats";

process.env.LOG_LEVEL = "silent";
const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const SECONDS = MINUTES * 60;
const WARMUP_S = Math.max(60, SECONDS / 10);
const PORT = 3440;
const PORTAL = `http://127.0.0.1:${PORT}`;
const POOL_MAX = Number(process.env.DATABASE_POOL_MAX ?? 5);
/** Prisma's pool and the plain-SQL pool (lib/core/sql.ts), each at most DATABASE_POOL_MAX, in one process. */
const CONNECTION_LIMIT = 2 * POOL_MAX;
const LOG_FILE = `.data/bench/soak-${PORT}.log`;
/** What node-postgres and Prisma say when no pooled connection came in time. */
const POOL_TIMEOUT = /P2024|timeout exceeded when trying to connect|Timed out fetching a new connection/;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  requireBuild();
  const users = await seedPhoneUsers(SECONDS + 10);
  await db().$disconnect();
  rmSync(LOG_FILE, { force: true });
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const portal = await startPortal(portalEnv(PORT, { LOG_FILE, WEB_CONCURRENCY: "1" }));
  // The sampler's own connection is named, so it is not counted as the portal's.
  const sampler = new pg.Client({
    connectionString: process.env.DATABASE_URL,
    application_name: "soak-sampler",
  });
  await sampler.connect();

  const samples: { at: number; rss: number; connections: number }[] = [];
  const started = performance.now();
  const sample = async () => {
    const { rows } = await sampler.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND application_name <> 'soak-sampler'`,
      [database],
    );
    samples.push({
      at: (performance.now() - started) / 1000,
      rss: treeRss(portal.pid!),
      connections: Number(rows[0]!.n),
    });
  };
  const timer = setInterval(() => void sample(), 10_000);

  const cookies: string[] = [];
  const signIns = atRate(1, SECONDS, async (i) => {
    const r = await fullSignIn(PORTAL, users[i]!);
    if (r.cookie) cookies.push(r.cookie);
    return r;
  });
  const views = atRate(2, SECONDS, async (i): Promise<Outcome> => {
    const cookie = cookies[i % Math.max(1, cookies.length)];
    const res = await fetch(`${PORTAL}/dashboard`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    await res.arrayBuffer();
    // Before the first sign-in finished there is no session yet: the sign-in redirect is the right answer.
    return { status: res.status, ok: res.status === 200 || (!cookie && res.status === 307) };
  });
  const [signInSamples, viewSamples] = await Promise.all([signIns, views]);
  clearInterval(timer);
  await sample();
  const alive = isAlive(portal.pid!);
  portal.kill("SIGTERM");
  await sampler.end();

  const all = [...signInSamples, ...viewSamples];
  const s = summarize(all);
  const warm = samples.filter((x) => x.at >= WARMUP_S - 30 && x.at <= WARMUP_S);
  const end = samples.slice(-3);
  const growth = median(end.map((x) => x.rss)) / median(warm.map((x) => x.rss)) - 1;
  const peakConnections = Math.max(...samples.map((x) => x.connections));
  const poolTimeouts = readFileSync(LOG_FILE, "utf8")
    .split("\n")
    .filter((line) => POOL_TIMEOUT.test(line)).length;
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  console.log(`${MINUTES} min, ${all.length} requests:`, s);
  console.log("memory:", samples.map((x) => `${x.at.toFixed(0)}s ${mb(x.rss)} ${x.connections}c`).join(", "));
  finish([
    {
      case: "L2",
      figure: `${s.server5xx} 5xx, ${s.errors} failed of ${all.length} requests (${MINUTES} min)`,
      criterion: "0 5xx",
      pass: s.server5xx === 0 && s.errors === 0,
    },
    {
      case: "L2",
      figure: `RSS ${mb(median(warm.map((x) => x.rss)))} after warm-up, ${mb(median(end.map((x) => x.rss)))} at the end (${(growth * 100).toFixed(1)} %)`,
      criterion: "RSS growth ≤ 10 %",
      pass: growth <= 0.1,
    },
    {
      case: "L2",
      figure: `${poolTimeouts} pool timeouts in the log`,
      criterion: "0 pool timeouts",
      pass: poolTimeouts === 0,
    },
    {
      case: "L2",
      figure: `at most ${peakConnections} connections`,
      criterion: `≤ pool size (${CONNECTION_LIMIT})`,
      pass: peakConnections <= CONNECTION_LIMIT,
    },
    {
      case: "L2",
      figure: alive ? "portal process up" : "portal process gone",
      criterion: "no process exit",
      pass: alive,
    },
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
