import "server-only";
import { logger } from "@/lib/core/logger";
import { inMessageScope } from "@/lib/messaging/service";
import { enqueueJob } from "./queue";
import {
  claimDueJobs,
  markJobDone,
  markJobFailed,
  releaseJobs,
  retryJobLater,
  type JobRow,
} from "./repository";

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
 * its last error). Attempts are counted when a job is claimed, before it runs, so a job that crashes the
 * process every time is given up too. Once `isStopping()` says so (SIGTERM), the jobs claimed but not started
 * are released for another worker. Returns how many jobs ran.
 */
export async function runDueJobs(
  handlers: Record<string, JobHandler>,
  recurring: RecurringJob[],
  now = new Date(),
  isStopping: () => boolean = () => false,
): Promise<number> {
  const jobs = await claimDueJobs(now, LOCK_MS, 20);
  let ran = 0;
  for (const [index, job] of jobs.entries()) {
    if (isStopping()) {
      await releaseJobs(jobs.slice(index).map((j) => j.id));
      break;
    }
    ran++;
    const every = recurring.find((r) => r.kind === job.kind);
    if (job.attempts > MAX_ATTEMPTS) {
      logger().error({ job: job.kind, attempts: job.attempts }, "job given up: its runs never finished");
      await markJobFailed(job.id, now, "the process running it stopped every time");
    } else await runOne(job, every ? every.handler : oneOff(job, handlers[job.kind]), now);
    if (every) await scheduleRecurring([every], new Date(now.getTime() + every.everyMs));
  }
  return ran;
}

/**
 * A one-off job's handler, with its emails keyed by the job (lib/messaging inMessageScope): run again after a
 * crash between sending and being marked done, it does not send them twice. Recurring jobs keep their own
 * records of what they sent (each run's list differs).
 */
function oneOff(job: JobRow, handler: JobHandler | undefined): JobHandler | undefined {
  return handler && ((payload, now) => inMessageScope(`job:${job.id}`, () => handler(payload, now)));
}

async function runOne(job: JobRow, handler: JobHandler | undefined, now: Date): Promise<void> {
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
}

/** Makes sure each recurring job has one pending run (at start-up, and after each run). */
export async function scheduleRecurring(recurring: RecurringJob[], runAt: Date): Promise<void> {
  for (const job of recurring) await enqueueJob(job.kind, {}, { runAt, dedupeKey: `recurring:${job.kind}` });
}
