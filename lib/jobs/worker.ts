import "server-only";
import { logger } from "@/lib/core/logger";
import { enqueueJob } from "./queue";
import { claimDueJobs, markJobDone, markJobFailed, retryJobLater, type JobRow } from "./repository";

export type JobHandler = (payload: JobRow["payload"], now: Date) => Promise<void>;

/** A job run every `everyMs`: after each run the worker queues the next one. */
export type RecurringJob = { kind: string; everyMs: number; handler: JobHandler };

const LOCK_MS = 5 * 60_000;
const MAX_ATTEMPTS = 8;

/** Retries back off 1, 2, 4 … 60 minutes. */
function backoffMs(attempts: number): number {
  return Math.min(60, 2 ** (attempts - 1)) * 60_000;
}

/**
 * Runs every due job once: a handler that throws is retried later, and given up after MAX_ATTEMPTS (kept with
 * its last error). Returns how many jobs ran.
 */
export async function runDueJobs(
  handlers: Record<string, JobHandler>,
  recurring: RecurringJob[],
  now = new Date(),
): Promise<number> {
  const jobs = await claimDueJobs(now, LOCK_MS, 20);
  for (const job of jobs) {
    const every = recurring.find((r) => r.kind === job.kind);
    const handler = every?.handler ?? handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, now);
      await markJobDone(job.id, now);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger().warn({ job: job.kind, attempts: job.attempts, err: message }, "job failed");
      if (job.attempts >= MAX_ATTEMPTS) await markJobFailed(job.id, now, message);
      else await retryJobLater(job.id, new Date(now.getTime() + backoffMs(job.attempts)), message);
    }
    if (every) await scheduleRecurring([every], new Date(now.getTime() + every.everyMs));
  }
  return jobs.length;
}

/** Makes sure each recurring job has one pending run (at start-up, and after each run). */
export async function scheduleRecurring(recurring: RecurringJob[], runAt: Date): Promise<void> {
  for (const job of recurring) await enqueueJob(job.kind, {}, { runAt, dedupeKey: `recurring:${job.kind}` });
}
