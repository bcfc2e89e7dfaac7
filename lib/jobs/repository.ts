import "server-only";
import { db } from "@/lib/core/db";
import type { Tx } from "@/lib/core/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";

export type JobRow = { id: bigint; kind: string; payload: Prisma.JsonValue; attempts: number };

/** Adds a job; with a `dedupeKey` already pending, adds nothing. */
export async function insertJob(
  job: { kind: string; payload: Prisma.InputJsonValue; runAt: Date; dedupeKey?: string },
  tx?: Tx,
): Promise<void> {
  await (tx ?? db()).job.createMany({ data: [job], skipDuplicates: true });
}

/**
 * Claims up to `take` due jobs for `lockMs`: one statement with SKIP LOCKED, so several workers never take
 * the same job, and a worker that dies releases its jobs when the lock runs out.
 */
export function claimDueJobs(now: Date, lockMs: number, take: number): Promise<JobRow[]> {
  const lockedUntil = new Date(now.getTime() + lockMs);
  return db().$queryRaw<JobRow[]>`
    UPDATE jobs SET "lockedUntil" = ${lockedUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs
      WHERE "doneAt" IS NULL AND "failedAt" IS NULL AND "runAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "runAt" LIMIT ${take}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts`;
}

/** Done: frees its dedupe key so the next one of its kind can be queued. */
export async function markJobDone(id: bigint, now: Date): Promise<void> {
  await db().job.update({
    where: { id },
    data: { doneAt: now, dedupeKey: null, lockedUntil: null },
    select: { id: true },
  });
}

/** Claimed but not started (the worker is stopping): free now for another worker, the claim not counted. */
export async function releaseJobs(ids: bigint[]): Promise<void> {
  if (ids.length === 0) return;
  await db().job.updateMany({
    where: { id: { in: ids } },
    data: { lockedUntil: null, attempts: { decrement: 1 } },
  });
}

export async function retryJobLater(id: bigint, runAt: Date, error: string): Promise<void> {
  await db().job.update({
    where: { id },
    data: { runAt, lockedUntil: null, lastError: error },
    select: { id: true },
  });
}

export async function markJobFailed(id: bigint, now: Date, error: string): Promise<void> {
  await db().job.update({
    where: { id },
    data: { failedAt: now, dedupeKey: null, lockedUntil: null, lastError: error },
    select: { id: true },
  });
}

export function listPendingJobs(kind: string) {
  return db().job.findMany({
    where: { kind, doneAt: null, failedAt: null },
    select: { id: true, payload: true, runAt: true, dedupeKey: true },
    orderBy: { runAt: "asc" },
  });
}
