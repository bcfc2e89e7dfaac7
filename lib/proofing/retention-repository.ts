import "server-only";
import { db } from "@/lib/core/db";
import type { Tx } from "@/lib/core/transaction";
import type { StoredImage } from "./case-repository";

// Retention of ID photos: what is past its keeping time, and removing it.

export async function deleteImageRows(ids: string[], tx?: Tx): Promise<void> {
  await (tx ?? db()).proofingImage.deleteMany({ where: { id: { in: ids } } });
}

/** Images past retention: of cases decided before `decidedBefore`, or opened before it and never decided. */
export function listExpiredImages(
  decidedBefore: Date,
  take: number,
): Promise<(StoredImage & { caseId: string })[]> {
  return db().proofingImage.findMany({
    where: {
      case: {
        OR: [{ decidedAt: { lt: decidedBefore } }, { decidedAt: null, createdAt: { lt: decidedBefore } }],
      },
    },
    select: { id: true, kind: true, storageKey: true, caseId: true },
    take,
  });
}

/** Stripe Identity sessions of cases decided before `decidedBefore` that Stripe was not yet asked to redact. */
export function listUnredactedSessions(
  decidedBefore: Date,
  take: number,
): Promise<{ id: string; providerSessionId: string | null }[]> {
  return db().proofingCase.findMany({
    where: { providerSessionId: { not: null }, providerRedactedAt: null, decidedAt: { lt: decidedBefore } },
    select: { id: true, providerSessionId: true },
    take,
  });
}

export async function markSessionRedacted(caseId: string, at: Date): Promise<void> {
  await db().proofingCase.update({
    where: { id: caseId },
    data: { providerRedactedAt: at },
    select: { id: true },
  });
}
