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
