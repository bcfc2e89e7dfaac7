import "server-only";
import { logger } from "@/lib/core/logger";
import { JOB_HANDLERS, RECURRING_JOBS } from "./handlers";
import { runDueJobs, scheduleRecurring } from "./worker";

const POLL_MS = 5_000;

/**
 * Polls the job table every 5 s in this process (the portal by default, or `npm run worker`). Jobs live in
 * PostgreSQL, so a restart loses none; several runners share the work through SKIP LOCKED claims.
 */
export async function startJobRunner(): Promise<() => void> {
  await scheduleRecurring(RECURRING_JOBS, new Date());
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      while ((await runDueJobs(JOB_HANDLERS, RECURRING_JOBS)) > 0);
    } catch (error) {
      logger().error({ err: (error as Error).message }, "job runner failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), POLL_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
