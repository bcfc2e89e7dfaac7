import "server-only";
import { db, type Tx } from "@/lib/core/db";
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

/** A resend replaces the earlier code of the same purpose: new hash, fresh tries, new expiry. */
export async function replaceCode(code: NewCode, now: Date): Promise<{ id: string }> {
  const { userId, purpose, ...rest } = code;
  return db().oneTimeCode.upsert({
    where: { userId_purpose: { userId, purpose } },
    create: { ...code, createdAt: now },
    update: { ...rest, attempts: 0, consumedAt: null, createdAt: now },
    select: { id: true },
  });
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
 * than `max` submissions are ever evaluated, however many arrive at once.
 */
export async function spendAttempt(
  userId: string,
  purpose: OtpPurpose,
  max: number,
  now: Date,
): Promise<SpentAttempt | null> {
  const rows = await db().$queryRaw<SpentAttempt[]>`
    UPDATE one_time_codes SET attempts = attempts + 1
    WHERE "userId" = ${userId}::uuid AND purpose = ${purpose}::"OtpPurpose" AND "consumedAt" IS NULL
      AND attempts < ${max} AND "expiresAt" > ${now}
    RETURNING id, "codeHash", "bindingHash", "targetEncrypted", "targetFingerprint", "phoneId", attempts`;
  return rows[0] ?? null;
}

export function findCode(userId: string, purpose: OtpPurpose) {
  return db().oneTimeCode.findUnique({
    where: { userId_purpose: { userId, purpose } },
    select: { consumedAt: true, expiresAt: true, attempts: true },
  });
}

/** One row update that cannot succeed twice. */
export async function consumeCode(id: string, now: Date, tx?: Tx): Promise<boolean> {
  const { count } = await (tx ?? db()).oneTimeCode.updateMany({
    where: { id, consumedAt: null },
    data: { consumedAt: now },
  });
  return count === 1;
}

export async function findGuard(userId: string) {
  return db().otpGuard.findUnique({
    where: { userId },
    select: { consecutiveFailures: true, lockedUntil: true },
  });
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

export async function resetGuard(userId: string): Promise<void> {
  await db().otpGuard.updateMany({ where: { userId }, data: { consecutiveFailures: 0, lockedUntil: null } });
}

export async function findUserEmail(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { email: true, firstName: true } });
}
