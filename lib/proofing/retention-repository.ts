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
