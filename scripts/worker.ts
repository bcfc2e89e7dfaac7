// `npm run worker`: runs the background jobs (reminders, link emails, expiry notices, purges) in a process of
// its own, next to portals started with JOBS_IN_PORTAL=false. Uses the same configuration as the portal.
/* eslint-disable no-restricted-properties -- see portal-env.ts */
import { ensureLocalSecrets, loadDotEnv } from "./portal-env";

async function main() {
  loadDotEnv();
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the portal's database.");
  ensureLocalSecrets();
  const { assertNoStandInsInProduction } = await import("../lib/core/env");
  assertNoStandInsInProduction();
  const { startJobRunner } = await import("../lib/jobs/runner");
  const stop = await startJobRunner();
  console.log("job worker running; Ctrl-C stops it");
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const shutdown = () => {
    stop();
    clearInterval(keepAlive);
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

void main();
