import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditWrite } from "@/lib/audit/service";
import { db, type Tx } from "@/lib/core/db";
import { execute, query, type SqlStep } from "@/lib/core/sql";
import type { AuthLevel, Role } from "@/lib/generated/prisma/client";

export type NewSession = {
  userId: string;
  ticketHash: string;
  /** Set when the caller mints the session cookie itself (the lean API): no ticket to exchange. */
  claimedAt: Date | null;
  authLevel: AuthLevel;
  passwordAt: Date;
  otpAt: Date | null;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
};

// Sessions and pending sign-ins are read and written on every sign-in and signed-in request, so outside
// transactions they use plain SQL (lib/core/sql.ts); inside one they stay on the transaction's client.

export async function insertSession(data: NewSession, tx?: Tx): Promise<{ id: string }> {
  const id = randomUUID();
  const createdAt = new Date();
  await execute(
    "sessions-insert",
    `INSERT INTO sessions (id, "userId", "ticketHash", "authLevel", "passwordAt", "otpAt", "expiresAt", ip, "userAgent", "createdAt", "lastSeenAt", "claimedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)`,
    [
      id,
      data.userId,
      data.ticketHash,
      data.authLevel,
      data.passwordAt,
      data.otpAt,
      data.expiresAt,
      data.ip,
      data.userAgent,
      createdAt,
      data.claimedAt,
    ],
    tx,
  );
  return { id };
}

/** One row update that cannot succeed twice: the ticket is spent by whoever claims it first. */
export async function claimTicket(ticketHash: string, notBefore: Date, now: Date): Promise<string | null> {
  const rows = await query<{ id: string }>(
    "sessions-claim-ticket",
    `UPDATE sessions SET "claimedAt" = $3, "lastSeenAt" = $3, "ticketHash" = NULL
     WHERE "ticketHash" = $1 AND "claimedAt" IS NULL AND "revokedAt" IS NULL AND "createdAt" >= $2
     RETURNING id`,
    [ticketHash, notBefore, now],
  );
  return rows[0]?.id ?? null;
}

export type SessionWithUser = {
  id: string;
  userId: string;
  authLevel: AuthLevel;
  passwordAt: Date;
  otpAt: Date | null;
  otpChannel: "SMS" | "VOICE" | null;
  claimedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  user: {
    status: "ACTIVE" | "DISABLED";
    role: Role;
    firstName: string;
    lastName: string;
    email: string;
    timeZone: string | null;
  };
};

type SessionWithUserRow = Omit<SessionWithUser, "user"> & {
  [K in keyof SessionWithUser["user"] as `user_${K}`]: SessionWithUser["user"][K];
};

export async function findSessionWithUser(id: string): Promise<SessionWithUser | null> {
  const rows = await query<SessionWithUserRow>(
    "sessions-find-with-user",
    `SELECT s.id, s."userId", s."authLevel", s."passwordAt", s."otpAt", s."otpChannel", s."claimedAt", s."revokedAt",
            s."expiresAt", s."lastSeenAt", u.status AS user_status, u.role AS user_role,
            u."firstName" AS "user_firstName", u."lastName" AS "user_lastName", u.email AS user_email,
            u."timeZone" AS "user_timeZone"
     FROM sessions s JOIN users u ON u.id = s."userId"
     WHERE s.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const { user_status, user_role, user_firstName, user_lastName, user_email, user_timeZone, ...session } = r;
  return {
    ...session,
    user: {
      status: user_status,
      role: user_role,
      firstName: user_firstName,
      lastName: user_lastName,
      email: user_email,
      timeZone: user_timeZone,
    },
  };
}

export async function touchSession(id: string, now: Date): Promise<void> {
  await query(
    "sessions-touch",
    `UPDATE sessions SET "lastSeenAt" = $2 WHERE id = $1 AND "revokedAt" IS NULL`,
    [id, now],
  );
}

/** Returns whether this call revoked it (false when it was already revoked). */
export async function revokeSession(id: string, now: Date, tx?: Tx): Promise<boolean> {
  const { count } = await (tx ?? db()).session.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}

/** Revokes one session of `userId`; false when it is not theirs or already ended. */
export async function revokeSessionOf(userId: string, id: string, now: Date, tx?: Tx): Promise<boolean> {
  const { count } = await (tx ?? db()).session.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}

export type ActiveSessionView = {
  id: string;
  authLevel: "PASSWORD" | "PASSWORD_OTP";
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
};

export function listActiveSessions(userId: string, now: Date): Promise<ActiveSessionView[]> {
  return db().session.findMany({
    where: { userId, revokedAt: null, claimedAt: { not: null }, expiresAt: { gt: now } },
    select: {
      id: true,
      authLevel: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      ip: true,
      userAgent: true,
    },
    orderBy: { lastSeenAt: "desc" },
  });
}

/** Ends every session of the user but `keepId` (Sign out everywhere else). Returns how many ended. */
export async function revokeOtherSessions(userId: string, keepId: string, now: Date): Promise<number> {
  const { count } = await db().session.updateMany({
    where: { userId, id: { not: keepId }, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
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

/**
 * The session's user just proved a registered phone: the session ends and a new one (new id, new ticket)
 * takes its place at PASSWORD_OTP, keeping its password time and absolute expiry, in one statement. Null
 * when the session had already ended.
 */
export async function rotateToOtpSession(
  id: string,
  next: { id: string; ticketHash: string; ip: string | null; userAgent: string | null; otpChannel: string },
  now: Date,
): Promise<{ id: string } | null> {
  const rows = await query<{ id: string }>(
    "sessions-rotate-to-otp",
    `WITH ended AS (
       UPDATE sessions SET "revokedAt" = $2 WHERE id = $1 AND "revokedAt" IS NULL AND "expiresAt" > $2
       RETURNING "userId", "passwordAt", "expiresAt"
     )
     INSERT INTO sessions (id, "userId", "ticketHash", "authLevel", "passwordAt", "otpAt", "otpChannel",
       "expiresAt", ip, "userAgent", "createdAt", "lastSeenAt")
     SELECT $3, "userId", $4, 'PASSWORD_OTP', "passwordAt", $2, $7, "expiresAt", $5, $6, $2, $2 FROM ended
     RETURNING id`,
    [id, now, next.id, next.ticketHash, next.ip, next.userAgent, next.otpChannel],
  );
  return rows[0] ?? null;
}

export async function insertLoginChallenge(data: {
  userId: string;
  passwordAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}): Promise<{ id: string }> {
  const id = randomUUID();
  const step = insertLoginChallengeStep({ id, ...data });
  await query(
    "login-challenges-insert",
    `WITH always AS (SELECT 1), ${step.cte(1, "always")} SELECT 1`,
    step.values,
  );
  return { id };
}

/** insertLoginChallenge as a step of the caller's statement: made when `when` has rows. */
export function insertLoginChallengeStep(data: {
  id: string;
  userId: string;
  passwordAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}): SqlStep {
  return {
    values: [data.id, data.userId, data.passwordAt, data.expiresAt, data.ip, data.userAgent],
    cte: (p, when) => `challenge_${p} AS (
        INSERT INTO login_challenges (id, "userId", "passwordAt", "expiresAt", ip, "userAgent")
        SELECT $${p}, $${p + 1}, $${p + 2}::timestamp, $${p + 3}::timestamp, $${p + 4}, $${p + 5}
        WHERE EXISTS (SELECT 1 FROM ${when})
      )`,
  };
}

export type LoginChallengeRow = {
  id: string;
  userId: string;
  passwordAt: Date;
  expiresAt: Date;
  completedAt: Date | null;
  recoveredAt: Date | null;
};

export async function findLoginChallenge(id: string): Promise<LoginChallengeRow | null> {
  const rows = await query<LoginChallengeRow>(
    "login-challenges-find",
    `SELECT id, "userId", "passwordAt", "expiresAt", "completedAt", "recoveredAt"
     FROM login_challenges WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * A recovery code was spent on this pending sign-in: it now waits (until `until`) only for a new phone. False
 * when it was completed, expired or already recovered meanwhile.
 */
export async function markChallengeRecovered(id: string, now: Date, until: Date, tx: Tx): Promise<boolean> {
  const count = await tx.loginChallenge.updateMany({
    where: { id, completedAt: null, recoveredAt: null, expiresAt: { gt: now } },
    data: { recoveredAt: now, expiresAt: until },
  });
  return count.count === 1;
}

/** Ends the user's other pending sign-ins (all but `keepId`). */
export async function expireOtherLoginChallenges(userId: string, keepId: string, now: Date, tx: Tx) {
  await tx.loginChallenge.updateMany({
    where: { userId, id: { not: keepId }, completedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}

export async function expireLoginChallenges(userId: string, now: Date, tx?: Tx): Promise<void> {
  await (tx ?? db()).loginChallenge.updateMany({
    where: { userId, completedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}

/**
 * Spends the pending sign-in and opens its session with its audit row, as a step of the caller's statement
 * (made when `when` has rows: the phone code's check, so a right code opens the session in one round trip).
 * The second of two concurrent completions completes nothing and opens no session; nothing is done when the
 * challenge was already completed or has expired. `otpChannel` null: the `channel` column of `when`.
 */
export function completeLoginChallengeStep(
  challengeId: string,
  session: Omit<NewSession, "userId" | "passwordAt"> & { id: string; otpChannel: string | null },
  now: Date,
  audit: AuditWrite,
): Required<SqlStep> {
  return {
    values: [
      challengeId,
      now,
      session.id,
      session.ticketHash,
      session.authLevel,
      session.otpAt,
      session.expiresAt,
      session.ip,
      session.userAgent,
      new Date(),
      session.otpChannel,
      session.claimedAt,
      ...audit.values,
    ],
    cte: (p, when) => `done_${p} AS (
       UPDATE login_challenges SET "completedAt" = $${p + 1}::timestamp
       WHERE id = $${p} AND "completedAt" IS NULL AND "expiresAt" > $${p + 1}::timestamp
         AND EXISTS (SELECT 1 FROM ${when})
       RETURNING "userId", "passwordAt"
     ), opened_${p} AS (
       INSERT INTO sessions (id, "userId", "ticketHash", "authLevel", "passwordAt", "otpAt", "otpChannel",
         "expiresAt", ip, "userAgent", "createdAt", "lastSeenAt", "claimedAt")
       SELECT $${p + 2}, "userId", $${p + 3}, $${p + 4}::"AuthLevel", "passwordAt", $${p + 5}::timestamp,
         COALESCE($${p + 10}::"MessageChannel", (SELECT channel FROM ${when} LIMIT 1)), $${p + 6}::timestamp, $${p + 7}, $${p + 8}, $${p + 9}::timestamp,
         $${p + 9}::timestamp, $${p + 11}::timestamp
       FROM done_${p}
       RETURNING id
     ), ${audit.cte(p + 12, `opened_${p}`)}`,
    done: (p) => `opened_${p}`,
  };
}

/** completeLoginChallengeStep as its own statement: true when the session was opened. */
export async function completeLoginChallenge(step: Required<SqlStep>): Promise<boolean> {
  const rows = await query<{ id: string }>(
    "login-challenges-complete-with-session",
    `WITH always AS (SELECT NULL::"MessageChannel" AS channel), ${step.cte(1, "always")}
     SELECT id FROM ${step.done(1)}`,
    step.values,
  );
  return rows.length === 1;
}

/** Whether the user has any session row but `exceptId` (ended ones too). */
export async function hasOtherSession(userId: string, exceptId: string): Promise<boolean> {
  const row = await db().session.findFirst({
    where: { userId, id: { not: exceptId } },
    select: { id: true },
  });
  return row !== null;
}
