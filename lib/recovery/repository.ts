import "server-only";
import { db } from "@/lib/core/db";
import { query } from "@/lib/core/sql";
import type { Tx } from "@/lib/core/transaction";

/** Replaces the user's set: every code of the old one (used or not) is deleted, the new hashes stored. */
export async function replaceCodes(userId: string, codeHashes: string[], now: Date, tx: Tx): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })),
  });
}

/** Spends one unused code atomically: of any number of concurrent uses, one gets true. */
export async function spendCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    "recovery-codes-spend",
    `UPDATE recovery_codes SET "usedAt" = $3
     WHERE "userId" = $1 AND "codeHash" = $2 AND "usedAt" IS NULL
     RETURNING id`,
    [userId, codeHash, now],
  );
  return rows.length === 1;
}

export function countUnusedCodes(userId: string): Promise<number> {
  return db().recoveryCode.count({ where: { userId, usedAt: null } });
}
