import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditWrite } from "@/lib/audit/service";
import { db } from "@/lib/core/db";
import { query } from "@/lib/core/sql";
import type { Tx } from "@/lib/core/transaction";
import type { MessageChannel, OtpPurpose } from "@/lib/generated/prisma/client";

export type NewCode = {
  userId: string;
  purpose: OtpPurpose;
  channel: MessageChannel;
  targetFingerprint: string;
  targetEncrypted: string;
  phoneId: string | null;
  bindingHash: string;
  codeHash: string;
  expiresAt: Date;
};

// Sending and checking codes is on the sign-in hot path: plain SQL (lib/core/sql.ts) for those steps.

/**
 * A resend replaces the earlier code of the same purpose: new hash, fresh tries, new expiry. The audit row
 * is written by the same statement.
 */
export async function replaceCode(code: NewCode, now: Date, audit: AuditWrite): Promise<{ id: string }> {
  const rows = await query<{ id: string }>(
    "otp-codes-replace",
    `WITH code AS (
       INSERT INTO one_time_codes AS c (id, "userId", purpose, channel, "targetFingerprint", "targetEncrypted",
         "phoneId", "bindingHash", "codeHash", "expiresAt", "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT ("userId", purpose) DO UPDATE SET
         channel = EXCLUDED.channel, "targetFingerprint" = EXCLUDED."targetFingerprint",
         "targetEncrypted" = EXCLUDED."targetEncrypted", "phoneId" = EXCLUDED."phoneId",
         "bindingHash" = EXCLUDED."bindingHash", "codeHash" = EXCLUDED."codeHash",
         "expiresAt" = EXCLUDED."expiresAt", "createdAt" = EXCLUDED."createdAt", attempts = 0, "consumedAt" = NULL
       RETURNING id
     ), ${audit.cte(12, "code")}
     SELECT id FROM code`,
    [
      randomUUID(),
      code.userId,
      code.purpose,
      code.channel,
      code.targetFingerprint,
      code.targetEncrypted,
      code.phoneId,
      code.bindingHash,
      code.codeHash,
      code.expiresAt,
      now,
      ...audit.values,
    ],
  );
  return rows[0]!;
}

export type SpentAttempt = {
  id: string;
  codeHash: string;
  bindingHash: string;
  targetEncrypted: string;
  targetFingerprint: string;
  phoneId: string | null;
  channel: "SMS" | "VOICE";
  attempts: number;
};

/**
 * Spends one try of the live code, atomically: the guard `attempts < max` in the same UPDATE means no more
 * than `max` submissions are ever evaluated, however many arrive at once. Spends nothing (null) while the
 * account's codes are locked.
 */
export async function spendAttempt(
  userId: string,
  purpose: OtpPurpose,
  max: number,
  now: Date,
): Promise<SpentAttempt | null> {
  const rows = await query<SpentAttempt>(
    "otp-codes-spend-attempt",
    `UPDATE one_time_codes SET attempts = attempts + 1
     WHERE "userId" = $1 AND purpose = $2 AND "consumedAt" IS NULL AND attempts < $3 AND "expiresAt" > $4
       AND NOT EXISTS (SELECT 1 FROM otp_guards g
                       WHERE g."userId" = $1 AND (g."lockedUntil" > $4 OR g."disabledAt" IS NOT NULL))
     RETURNING id, "codeHash", "bindingHash", "targetEncrypted", "targetFingerprint", "phoneId", channel, attempts`,
    [userId, purpose, max, now],
  );
  return rows[0] ?? null;
}

export function findCode(userId: string, purpose: OtpPurpose) {
  return db().oneTimeCode.findUnique({
    where: { userId_purpose: { userId, purpose } },
    select: { consumedAt: true, expiresAt: true, attempts: true },
  });
}

/**
 * Spends a right code (one row update that cannot succeed twice) and, in the same statement, clears the
 * account's run of failures and writes the audit row. False (and no audit row) when it was already used.
 */
export async function consumeCodeAndResetGuard(id: string, now: Date, audit: AuditWrite): Promise<boolean> {
  const rows = await query<{ used: number }>(
    "otp-codes-consume-reset-guard",
    `WITH consumed AS (
       UPDATE one_time_codes SET "consumedAt" = $2 WHERE id = $1 AND "consumedAt" IS NULL
       RETURNING "userId", purpose
     ), reset AS (
       UPDATE otp_guards g SET "consecutiveFailures" = 0, "lockedUntil" = NULL, "updatedAt" = $2,
         "failuresSinceSignIn" = CASE WHEN consumed.purpose = 'SIGN_IN' THEN 0 ELSE g."failuresSinceSignIn" END,
         "locksSinceSignIn" = CASE WHEN consumed.purpose = 'SIGN_IN' THEN 0 ELSE g."locksSinceSignIn" END
       FROM consumed WHERE g."userId" = consumed."userId" AND g."disabledAt" IS NULL
         AND (g."consecutiveFailures" <> 0 OR g."lockedUntil" IS NOT NULL
              OR (consumed.purpose = 'SIGN_IN' AND (g."failuresSinceSignIn" <> 0 OR g."locksSinceSignIn" <> 0)))
     ), ${audit.cte(3, "consumed")}
     SELECT count(*)::int AS used FROM consumed`,
    [id, now, ...audit.values],
  );
  return rows[0]!.used === 1;
}

export type Guard = { consecutiveFailures: number; lockedUntil: Date | null; disabledAt: Date | null };

export async function findGuard(userId: string): Promise<Guard | null> {
  const rows = await query<Guard>(
    "otp-guards-find",
    `SELECT "consecutiveFailures", "lockedUntil", "disabledAt" FROM otp_guards WHERE "userId" = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

/**
 * Adds one wrong code (atomic increments): the run of consecutive failures and the count since the last
 * successful sign-in, which at `cap` disables phone OTP sign-in. `disabledNow` is true for the one failure
 * that reached the cap.
 */
export async function addFailure(
  userId: string,
  cap: number,
  now: Date,
): Promise<{ consecutive: number; disabledNow: boolean }> {
  const rows = await query<{ consecutive: number; disabledNow: boolean }>(
    "otp-guards-add-failure",
    `INSERT INTO otp_guards AS g ("userId", "consecutiveFailures", "failuresSinceSignIn", "updatedAt")
     VALUES ($1, 1, 1, $2)
     ON CONFLICT ("userId") DO UPDATE SET
       "consecutiveFailures" = g."consecutiveFailures" + 1,
       "failuresSinceSignIn" = g."failuresSinceSignIn" + 1,
       "disabledAt" = CASE WHEN g."disabledAt" IS NULL AND g."failuresSinceSignIn" + 1 >= $3 THEN $2
                      ELSE g."disabledAt" END,
       "updatedAt" = $2
     RETURNING "consecutiveFailures" AS consecutive,
       ("disabledAt" IS NOT NULL AND "failuresSinceSignIn" = $3) AS "disabledNow"`,
    [userId, now, cap],
  );
  return rows[0]!;
}

/**
 * Locks the account's codes for the next step of `ladderMs` (the number of locks since the last successful
 * sign-in picks it); returns when the lock ends, only for the call that set it (so one email goes out).
 */
export async function lock(userId: string, ladderMs: readonly number[], now: Date): Promise<Date | null> {
  const rows = await query<{ lockedUntil: Date }>(
    "otp-guards-lock",
    `UPDATE otp_guards SET
       "lockedUntil" = $2::timestamp + ($3::int[])[LEAST("locksSinceSignIn", $4) + 1] * interval '1 millisecond',
       "locksSinceSignIn" = "locksSinceSignIn" + 1, "consecutiveFailures" = 0, "updatedAt" = $2
     WHERE "userId" = $1 AND ("lockedUntil" IS NULL OR "lockedUntil" <= $2)
     RETURNING "lockedUntil"`,
    [userId, now, [...ladderMs], ladderMs.length - 1],
  );
  return rows[0]?.lockedUntil ?? null;
}

export async function findUserEmail(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { email: true, firstName: true } });
}

/** Support lifted the lock: codes work again and the failure count starts over. True when a lock was lifted. */
export async function clearGuard(userId: string, tx: Tx): Promise<boolean> {
  const { count } = await tx.otpGuard.updateMany({
    where: {
      userId,
      OR: [{ lockedUntil: { not: null } }, { consecutiveFailures: { gt: 0 } }, { disabledAt: { not: null } }],
    },
    data: {
      lockedUntil: null,
      consecutiveFailures: 0,
      disabledAt: null,
      failuresSinceSignIn: 0,
      locksSinceSignIn: 0,
    },
  });
  return count === 1;
}
