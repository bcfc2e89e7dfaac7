import "server-only";
import { db, type Tx } from "@/lib/core/db";
import type { AuthLevel, Role } from "@/lib/generated/prisma/client";

export type NewSession = {
  userId: string;
  ticketHash: string;
  authLevel: AuthLevel;
  passwordAt: Date;
  otpAt: Date | null;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
};

export async function insertSession(data: NewSession, tx?: Tx): Promise<{ id: string }> {
  return (tx ?? db()).session.create({ data, select: { id: true } });
}

/** One row update that cannot succeed twice: the ticket is spent by whoever claims it first. */
export async function claimTicket(ticketHash: string, notBefore: Date, now: Date): Promise<string | null> {
  const row = await db().session.findUnique({ where: { ticketHash }, select: { id: true } });
  if (!row) return null;
  const { count } = await db().session.updateMany({
    where: { id: row.id, ticketHash, claimedAt: null, revokedAt: null, createdAt: { gte: notBefore } },
    data: { claimedAt: now, lastSeenAt: now, ticketHash: null },
  });
  return count === 1 ? row.id : null;
}

export type SessionWithUser = {
  id: string;
  userId: string;
  authLevel: AuthLevel;
  passwordAt: Date;
  otpAt: Date | null;
  claimedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  user: { status: "ACTIVE" | "DISABLED"; role: Role; firstName: string; lastName: string; email: string };
};

export async function findSessionWithUser(id: string): Promise<SessionWithUser | null> {
  return db().session.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      authLevel: true,
      passwordAt: true,
      otpAt: true,
      claimedAt: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { status: true, role: true, firstName: true, lastName: true, email: true } },
    },
  });
}

export async function touchSession(id: string, now: Date): Promise<void> {
  await db().session.updateMany({ where: { id, revokedAt: null }, data: { lastSeenAt: now } });
}

/** Returns whether this call revoked it (false when it was already revoked). */
export async function revokeSession(id: string, now: Date, tx?: Tx): Promise<boolean> {
  const { count } = await (tx ?? db()).session.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}

export async function revokeUserSessions(userId: string, now: Date, tx?: Tx): Promise<number> {
  const { count } = await (tx ?? db()).session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

export async function countActiveSessions(userId: string, now: Date): Promise<number> {
  return db().session.count({
    where: { userId, revokedAt: null, claimedAt: { not: null }, expiresAt: { gt: now } },
  });
}

/** Records that this session's user just proved a registered phone with a code. */
export async function markOtpAuthenticated(id: string, now: Date, tx?: Tx): Promise<void> {
  await (tx ?? db()).session.updateMany({
    where: { id, revokedAt: null },
    data: { authLevel: "PASSWORD_OTP", otpAt: now },
  });
}

export async function insertLoginChallenge(data: {
  userId: string;
  passwordAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}): Promise<{ id: string }> {
  return db().loginChallenge.create({ data, select: { id: true } });
}

export function findLoginChallenge(id: string) {
  return db().loginChallenge.findUnique({
    where: { id },
    select: { id: true, userId: true, passwordAt: true, expiresAt: true, completedAt: true },
  });
}

export async function expireLoginChallenges(userId: string, now: Date, tx?: Tx): Promise<void> {
  await (tx ?? db()).loginChallenge.updateMany({
    where: { userId, completedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}

/** Spends the challenge once: the second of two concurrent right codes cannot open a second session. */
export async function completeLoginChallenge(id: string, now: Date): Promise<boolean> {
  const { count } = await db().loginChallenge.updateMany({
    where: { id, completedAt: null, expiresAt: { gt: now } },
    data: { completedAt: now },
  });
  return count === 1;
}
