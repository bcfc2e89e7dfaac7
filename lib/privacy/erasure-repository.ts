import "server-only";
import type { Tx } from "@/lib/core/db";

// Erasing a closed account crosses every table that holds its personal data, in one transaction; like the
// retention job, it is the one place allowed to (docs/decisions/023-account-self-service.md).

/** Locks one account closed before `closedBefore` and not erased, skipping one another worker holds. */
export async function lockNextErasable(closedBefore: Date, tx: Tx): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM users WHERE status = 'CLOSED' AND "closedAt" <= $1::timestamp AND "erasedAt" IS NULL
     ORDER BY "closedAt" LIMIT 1 FOR UPDATE SKIP LOCKED`,
    closedBefore.toISOString(),
  );
  return rows[0]?.id ?? null;
}

/** Sign-in secrets, phones, codes and the verification go; proofing records keep only their outcome. */
const ERASE_STATEMENTS = [
  `DELETE FROM sessions WHERE "userId" = $1::uuid`,
  `DELETE FROM email_tokens WHERE "userId" = $1::uuid`,
  `DELETE FROM login_challenges WHERE "userId" = $1::uuid`,
  `DELETE FROM one_time_codes WHERE "userId" = $1::uuid`,
  `DELETE FROM otp_guards WHERE "userId" = $1::uuid`,
  `DELETE FROM recovery_codes WHERE "userId" = $1::uuid`,
  `DELETE FROM phone_numbers WHERE "userId" = $1::uuid`,
  `DELETE FROM identity_verifications WHERE "userId" = $1::uuid`,
  `UPDATE proofing_cases SET "identityEncrypted" = NULL, "ssnEncrypted" = NULL, "ssnFingerprint" = NULL,
     "ssnLast4" = NULL, "mobileEncrypted" = NULL, "mobileLastDigits" = NULL, "kbaQuestions" = NULL,
     "evidenceSummary" = NULL, "linkTokenHash" = NULL, "captureSessionHash" = NULL
   WHERE "userId" = $1::uuid`,
];

/** Erases the personal data of a locked account but its profile (lib/accounts); returns the storage keys of its photos left to delete. */
export async function eraseAccountRows(userId: string, tx: Tx): Promise<string[]> {
  const images = await tx.$queryRawUnsafe<{ storageKey: string }[]>(
    `DELETE FROM proofing_images WHERE "caseId" IN (SELECT id FROM proofing_cases WHERE "userId" = $1::uuid)
     RETURNING "storageKey"`,
    userId,
  );
  for (const statement of ERASE_STATEMENTS) await tx.$executeRawUnsafe(statement, userId);
  return images.map((i) => i.storageKey);
}
