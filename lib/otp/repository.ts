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
       AND NOT EXISTS (SELECT 1 FROM otp_guards g WHERE g."userId" = $1 AND g."lockedUntil" > $4)
     RETURNING id, "codeHash", "bindingHash", "targetEncrypted", "targetFingerprint", "phoneId", attempts`,
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
       UPDATE one_time_codes SET "consumedAt" = $2 WHERE id = $1 AND "consumedAt" IS NULL RETURNING "userId"
     ), reset AS (
       UPDATE otp_guards g SET "consecutiveFailures" = 0, "lockedUntil" = NULL, "updatedAt" = $2
       FROM consumed WHERE g."userId" = consumed."userId"
         AND (g."consecutiveFailures" <> 0 OR g."lockedUntil" IS NOT NULL)
     ), ${audit.cte(3, "consumed")}
     SELECT count(*)::int AS used FROM consumed`,
    [id, now, ...audit.values],
  );
  return rows[0]!.used === 1;
}

export async function findGuard(
  userId: string,
): Promise<{ consecutiveFailures: number; lockedUntil: Date | null } | null> {
  const rows = await query<{ consecutiveFailures: number; lockedUntil: Date | null }>(
    "otp-guards-find",
    `SELECT "consecutiveFailures", "lockedUntil" FROM otp_guards WHERE "userId" = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

/** Adds one failure and returns the new count (atomic increment). */
export async function addFailure(userId: string): Promise<number> {
  const guard = await db().otpGuard.upsert({
    where: { userId },
    create: { userId, consecutiveFailures: 1 },
    update: { consecutiveFailures: { increment: 1 } },
    select: { consecutiveFailures: true },
  });
  return guard.consecutiveFailures;
}

/** Locks the account's codes; true only for the call that set the lock (so one email goes out). */
export async function lock(userId: string, until: Date, now: Date): Promise<boolean> {
  const { count } = await db().otpGuard.updateMany({
    where: { userId, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { lockedUntil: until, consecutiveFailures: 0 },
  });
  return count === 1;
}

export async function findUserEmail(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { email: true, firstName: true } });
}

/** Support lifted the lock: codes work again and the failure count starts over. True when a lock was lifted. */
export async function clearGuard(userId: string, tx: Tx): Promise<boolean> {
  const { count } = await tx.otpGuard.updateMany({
    where: { userId, OR: [{ lockedUntil: { not: null } }, { consecutiveFailures: { gt: 0 } }] },
    data: { lockedUntil: null, consecutiveFailures: 0 },
  });
  return count === 1;
}
