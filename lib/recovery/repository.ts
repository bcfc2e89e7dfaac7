import "server-only";
import { db } from "@/lib/core/db";
import type { Tx } from "@/lib/core/transaction";

/** Replaces the user's set: every code of the old one (used or not) is deleted, the new hashes stored. */
export async function replaceCodes(userId: string, codeHashes: string[], now: Date, tx: Tx): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })),
  });
}

/** Spends one unused code atomically (one UPDATE): of any number of concurrent uses, one gets true. */
export async function spendCode(userId: string, codeHash: string, now: Date, tx?: Tx): Promise<boolean> {
  const { count } = await (tx ?? db()).recoveryCode.updateMany({
    where: { userId, codeHash, usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

export function countUnusedCodes(userId: string, tx?: Tx): Promise<number> {
  return (tx ?? db()).recoveryCode.count({ where: { userId, usedAt: null } });
}
