// `npm run worker`: runs the background jobs (reminders, link emails, expiry notices, purges) in a process of
// its own, next to portals started with JOBS_IN_PORTAL=false. Uses the same configuration as the portal, and
// never makes up a secret: a new DATA_ENCRYPTION_KEY would encrypt what no portal can read.
/* eslint-disable no-restricted-properties -- see portal-env.ts */
import { loadDotEnv, readLocalSecrets } from "./portal-env";

async function main() {
  loadDotEnv();
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the portal's database.");
  readLocalSecrets();
  const { env } = await import("../lib/core/env");
  const { assertSafeProduction } = await import("../lib/ops/production-checks");
  await assertSafeProduction(env());
  const { startJobRunner } = await import("../lib/jobs/runner");
  const { runShutdown } = await import("../lib/core/shutdown");
  await startJobRunner();
  console.log("job worker running; Ctrl-C stops it");
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    // The job being run finishes, the claimed ones not started go back to the queue, then the pools close.
    await runShutdown((name, error) => console.error(`shutdown: ${name} failed:`, error));
    console.log("job worker stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
