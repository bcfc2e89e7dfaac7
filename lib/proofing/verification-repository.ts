import "server-only";
import { db } from "@/lib/core/db";
import type { Tx } from "@/lib/core/transaction";
import type { Prisma, ProofingMethod } from "@/lib/generated/prisma/client";

export async function insertVerification(
  data: {
    userId: string;
    caseId: string;
    method: ProofingMethod;
    level: string;
    identityEncrypted: string | null;
    evidenceSummary: Prisma.InputJsonValue | undefined;
    verifiedAt: Date;
  },
  tx: Tx,
): Promise<void> {
  // A case is decided once; a replayed decision finds its verification already there.
  await tx.identityVerification.createMany({ data: [data], skipDuplicates: true });
}

/** The person's newest verification made after `since` and not superseded, or null. */
export function findLatestVerification(userId: string, since: Date, tx?: Tx) {
  return (tx ?? db()).identityVerification.findFirst({
    where: { userId, supersededAt: null, verifiedAt: { gt: since } },
    orderBy: { verifiedAt: "desc" },
    select: { id: true, method: true, level: true, verifiedAt: true },
  });
}

/** Every verification of the person stops carrying over (their legal name or date of birth changed). */
export async function supersedeVerifications(userId: string, reason: string, now: Date, tx: Tx) {
  const { count } = await tx.identityVerification.updateMany({
    where: { userId, supersededAt: null },
    data: { supersededAt: now, supersededReason: reason },
  });
  return count;
}
