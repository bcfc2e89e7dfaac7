import "server-only";
import type { Tx } from "@/lib/core/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertJob } from "./repository";

/**
 * Queues background work in PostgreSQL. Pass the caller's `tx` so the job exists exactly when the change that
 * needs it commits (an appointment and its reminders, or neither). A `dedupeKey` keeps one pending job per key.
 */
export async function enqueueJob(
  kind: string,
  payload: Prisma.InputJsonValue,
  options: { runAt: Date; dedupeKey?: string },
  tx?: Tx,
): Promise<void> {
  await insertJob({ kind, payload, runAt: options.runAt, dedupeKey: options.dedupeKey }, tx);
}
