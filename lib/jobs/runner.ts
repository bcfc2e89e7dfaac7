import "server-only";
import { logger } from "@/lib/core/logger";
import { onShutdown } from "@/lib/core/shutdown";
import { JOB_HANDLERS, RECURRING_JOBS } from "./handlers";
import { runDueJobs, scheduleRecurring } from "./worker";

const POLL_MS = 5_000;

/**
 * Polls the job table every 5 s in this process (the portal by default, or `npm run worker`). Jobs live in
 * PostgreSQL, so a restart loses none; several runners share the work through SKIP LOCKED claims. The returned
 * stop (also run at shutdown) lets the running job finish, releases the claimed ones not started, and resolves
 * once nothing runs.
 */
export async function startJobRunner(): Promise<() => Promise<void>> {
  await scheduleRecurring(RECURRING_JOBS, new Date());
  let stopping = false;
  let current: Promise<void> | undefined;
  const tick = async () => {
    try {
      while (!stopping && (await runDueJobs(JOB_HANDLERS, RECURRING_JOBS, new Date(), () => stopping)) > 0);
    } catch (error) {
      logger().error({ err: (error as Error).message }, "job runner failed");
    } finally {
      current = undefined;
    }
  };
  const poll = () => {
    if (!current && !stopping) current = tick();
  };
  const timer = setInterval(poll, POLL_MS);
  timer.unref();
  poll();
  const stop = async () => {
    stopping = true;
    clearInterval(timer);
    await current;
  };
  onShutdown("work", "job runner", stop);
  return stop;
}
