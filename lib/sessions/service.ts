import "server-only";
import { randomUUID } from "node:crypto";
import { auditInSameStatement, recordAudit } from "@/lib/audit/service";
import { hashesEqual, keyedHash, randomToken } from "@/lib/core/crypto";
import { env } from "@/lib/core/env";
import { DomainError } from "@/lib/core/errors";
import { FRESH_OTP_WINDOW_MS } from "@/lib/otp/policy";
import type { CurrentSession, RequestInfo } from "@/lib/core/caller";
import type { SqlStep } from "@/lib/core/sql";
import type { Tx } from "@/lib/core/transaction";
import type { AuthLevel } from "@/lib/generated/prisma/client";
import { issueDeviceToken } from "./known-device";
import * as repo from "./repository";
import { sessionEndReason, shouldTouch, TICKET_TTL_MS } from "./sessions";
import { describeUserAgent } from "./user-agent";

const TICKET_PURPOSE = "session-ticket";

/**
 * Creates the server-side session row after a successful password check and returns a single-use
 * ticket (valid one minute) that the next-auth credentials provider exchanges for the session cookie.
 */
export async function startSession(
  input: {
    userId: string;
    authLevel: AuthLevel;
    now: Date;
    request: RequestInfo;
    passwordAt?: Date;
    /** The caller mints the cookie itself (lib/api/session-cookie.ts): the session opens claimed. */
    claimed?: boolean;
  },
  tx?: Tx,
): Promise<{ ticket: string; sessionId: string }> {
  const ticket = randomToken();
  const { id } = await repo.insertSession(
    {
      userId: input.userId,
      ticketHash: keyedHash(TICKET_PURPOSE, ticket),
      claimedAt: input.claimed ? input.now : null,
      authLevel: input.authLevel,
      passwordAt: input.passwordAt ?? input.now,
      otpAt: input.authLevel === "PASSWORD_OTP" ? input.now : null,
      expiresAt: new Date(input.now.getTime() + env().SESSION_MAX_HOURS * 3_600_000),
      ip: input.request.ip,
      userAgent: input.request.userAgent?.slice(0, 256) ?? null,
    },
    tx,
  );
  return { ticket, sessionId: id };
}

export async function claimSessionTicket(ticket: string, now: Date): Promise<string | null> {
  if (typeof ticket !== "string" || ticket.length < 20 || ticket.length > 100) return null;
  return repo.claimTicket(keyedHash(TICKET_PURPOSE, ticket), new Date(now.getTime() - TICKET_TTL_MS), now);
}

/** Loads a session and ends it when it was revoked, timed out, or its account was disabled. */
export async function resolveSession(sessionId: string, now: Date): Promise<CurrentSession | null> {
  const s = await repo.findSessionWithUser(sessionId);
  if (!s) return null;
  const reason = sessionEndReason(
    { ...s, userStatus: s.user.status },
    now,
    env().SESSION_IDLE_MINUTES * 60_000,
  );
  if (reason) {
    if (reason !== "revoked" && (await repo.revokeSession(s.id, now))) {
      await recordAudit({
        type: "SESSION_EXPIRED",
        result: "SUCCESS",
        subjectUserId: s.userId,
        detail: { reason },
      });
    }
    return null;
  }
  if (shouldTouch(s.lastSeenAt, now)) await repo.touchSession(s.id, now);
  return {
    sessionId: s.id,
    userId: s.userId,
    role: s.user.role,
    firstName: s.user.firstName,
    lastName: s.user.lastName,
    email: s.user.email,
    authLevel: s.authLevel,
    passwordAt: s.passwordAt,
    otpAt: s.otpAt,
    otpChannel: s.otpChannel,
    timeZone: s.user.timeZone,
  };
}

export async function endSession(session: { sessionId: string; userId: string }, request: RequestInfo) {
  if (await repo.revokeSession(session.sessionId, new Date())) {
    await recordAudit({
      type: "SIGN_OUT",
      result: "SUCCESS",
      actorId: session.userId,
      subjectUserId: session.userId,
      ...request,
    });
  }
}

/**
 * Ends every session of a user (password change, disabled account, admin request), and every pending
 * sign-in: those passed a password that may no longer hold and only wait for a phone code.
 */
export async function endAllSessions(userId: string, now: Date, tx?: Tx): Promise<number> {
  await repo.expireLoginChallenges(userId, now, tx);
  return repo.revokeUserSessions(userId, now, tx);
}

/** Ends one session of `userId` (support's "End Session"); false when it is not theirs or already ended. */
export function endSessionOf(userId: string, sessionId: string, now: Date, tx?: Tx): Promise<boolean> {
  return repo.revokeSessionOf(userId, sessionId, now, tx);
}

/** My Account › Security: the user's signed-in browsers, this one first, each as a person recognises it. */
export async function listMySessions(
  session: Pick<CurrentSession, "userId" | "sessionId">,
  now = new Date(),
) {
  const rows = await repo.listActiveSessions(session.userId, now);
  return rows
    .map((s) => ({
      id: s.id,
      current: s.id === session.sessionId,
      device: describeUserAgent(s.userAgent),
      ip: s.ip,
      signedInAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      method: s.authLevel === "PASSWORD_OTP" ? "Password and phone OTP" : "Password",
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Sign out one of the user's other browsers; refused (sessions.not_found) when it ended or is not theirs. */
export async function signOutMySession(
  session: Pick<CurrentSession, "userId" | "sessionId">,
  sessionId: string,
  request: RequestInfo,
  now = new Date(),
): Promise<void> {
  if (sessionId === session.sessionId) throw new DomainError("sessions.use_sign_out");
  if (!(await repo.revokeSessionOf(session.userId, sessionId, now)))
    throw new DomainError("sessions.not_found");
  await recordAudit({
    type: "SESSION_ENDED",
    result: "SUCCESS",
    actorId: session.userId,
    subjectUserId: session.userId,
    ...request,
    detail: { sessionId },
  });
}

/** Sign out everywhere else: every session of the user but this one ends. Returns how many. */
export async function signOutEverywhereElse(
  session: Pick<CurrentSession, "userId" | "sessionId">,
  request: RequestInfo,
  now = new Date(),
): Promise<number> {
  const count = await repo.revokeOtherSessions(session.userId, session.sessionId, now);
  await recordAudit({
    type: "SESSIONS_REVOKED",
    result: "SUCCESS",
    actorId: session.userId,
    subjectUserId: session.userId,
    ...request,
    detail: { count },
  });
  return count;
}

/** Whether the user signed in before the session `sessionId` (the first sign-in of an account is not news). */
export function signedInBefore(userId: string, sessionId: string): Promise<boolean> {
  return repo.hasOtherSession(userId, sessionId);
}

export function listActiveSessions(userId: string, now: Date) {
  return repo.listActiveSessions(userId, now);
}

export function countActiveSessions(userId: string, now: Date): Promise<number> {
  return repo.countActiveSessions(userId, now);
}

/**
 * The session's user proved a registered phone with a code bound to this session (step-up): its level rises,
 * so its id changes (session fixation): the old session ends and the returned ticket opens its successor.
 * Null when the session had ended meanwhile.
 */
export async function rotateToOtpSession(
  sessionId: string,
  otpChannel: "SMS" | "VOICE",
  request: RequestInfo,
  now: Date,
): Promise<{ ticket: string; sessionId: string } | null> {
  const ticket = randomToken();
  const rotated = await repo.rotateToOtpSession(
    sessionId,
    {
      id: randomUUID(),
      ticketHash: keyedHash(TICKET_PURPOSE, ticket),
      ip: request.ip,
      userAgent: request.userAgent?.slice(0, 256) ?? null,
      otpChannel,
    },
    now,
  );
  return rotated ? { ticket, sessionId: rotated.id } : null;
}

/** Whether the session passed a phone OTP within `windowMs`: the gate for changing phones. */
export function hasFreshOtp(session: Pick<CurrentSession, "otpAt">, now: Date, windowMs: number): boolean {
  return session.otpAt !== null && now.getTime() - session.otpAt.getTime() <= windowMs;
}

/**
 * Actions that change someone's access (staff's disable, role change, phone reset, revocation, activation
 * codes) need the actor's phone OTP within the last 20 minutes, like a user's own phone changes.
 */
export function requireStepUp(session: Pick<CurrentSession, "otpAt">, now: Date): void {
  if (!hasFreshOtp(session, now, FRESH_OTP_WINDOW_MS)) throw new DomainError("auth.step_up_required");
}

const CHALLENGE_PURPOSE = "login-challenge";
/** A password-checked sign-in waits this long for its phone code (Better Auth pending-2FA cookie: 10 min). */
const LOGIN_CHALLENGE_TTL_MS = 10 * 60 * 1000;

/** A sign-in that opened a session: next-auth's single-use ticket and the browser's new known-device token. */
export type OpenedSession = { ticket: string; deviceToken: string; userId: string; sessionId: string };

/** `recovered`: a recovery code was spent on it, and it may only register a phone that replaces the lost ones. */
export type LoginChallenge = { id: string; userId: string; passwordAt: Date; recovered: boolean };

/** Records a sign-in that passed the password and waits for the phone OTP; returns its signed token. */
export async function startLoginChallenge(userId: string, request: RequestInfo, now: Date): Promise<string> {
  const { id } = await repo.insertLoginChallenge({
    userId,
    passwordAt: now,
    expiresAt: new Date(now.getTime() + LOGIN_CHALLENGE_TTL_MS),
    ip: request.ip,
    userAgent: request.userAgent?.slice(0, 256) ?? null,
  });
  return `${id}.${keyedHash(CHALLENGE_PURPOSE, id)}`;
}

/**
 * startLoginChallenge as a step of the caller's statement (the read of the user's sign-in phones: a sign-in
 * that needs the OTP opens its pending sign-in in the statement that finds its phones), with its token.
 */
export function loginChallengeStep(
  userId: string,
  request: RequestInfo,
  now: Date,
): { step: SqlStep; token: string } {
  const id = randomUUID();
  const step = repo.insertLoginChallengeStep({
    id,
    userId,
    passwordAt: now,
    expiresAt: new Date(now.getTime() + LOGIN_CHALLENGE_TTL_MS),
    ip: request.ip,
    userAgent: request.userAgent?.slice(0, 256) ?? null,
  });
  return { step, token: `${id}.${keyedHash(CHALLENGE_PURPOSE, id)}` };
}

/** The id of the pending sign-in a token names, when the token is ours (no database read). */
export function loginChallengeIdOf(token: string | undefined): string | null {
  const [id, mac] = (token ?? "").split(".");
  if (!id || !mac || !/^[0-9a-f-]{36}$/.test(id) || !hashesEqual(mac, keyedHash(CHALLENGE_PURPOSE, id)))
    return null;
  return id;
}

export type { LoginChallengeRow } from "./repository";

/** A pending sign-in's row, if it is live (not completed, not expired). */
export function liveLoginChallenge(row: repo.LoginChallengeRow | null, now: Date): LoginChallenge | null {
  if (!row || row.completedAt || row.expiresAt <= now) return null;
  return { id: row.id, userId: row.userId, passwordAt: row.passwordAt, recovered: row.recoveredAt !== null };
}

/** The pending sign-in behind a token, while it is live and not yet completed. */
export async function readLoginChallenge(
  token: string | undefined,
  now: Date,
): Promise<LoginChallenge | null> {
  const id = loginChallengeIdOf(token);
  return id ? liveLoginChallenge(await repo.findLoginChallenge(id), now) : null;
}

/** How long a recovered sign-in waits for its new phone. */
const RECOVERED_CHALLENGE_TTL_MS = 15 * 60 * 1000;

/**
 * A recovery code was spent on this pending sign-in: it may now register a new phone for 15 minutes, and every
 * other session and pending sign-in of the user ends (whoever holds them may be who took the phones). False
 * when the sign-in was completed, expired or recovered meanwhile.
 */
export async function recoverLoginChallenge(challenge: LoginChallenge, now: Date, tx: Tx): Promise<boolean> {
  const until = new Date(now.getTime() + RECOVERED_CHALLENGE_TTL_MS);
  if (!(await repo.markChallengeRecovered(challenge.id, now, until, tx))) return false;
  await repo.expireOtherLoginChallenges(challenge.userId, challenge.id, now, tx);
  await repo.revokeUserSessions(challenge.userId, now, tx);
  return true;
}

/**
 * The pending sign-in's second step succeeded (a phone code, or a recovery code and a new phone): it completes
 * with a full session, audited as SIGN_IN with `method`. This is that completion as a step of the caller's
 * statement (the phone code's check: one round trip), with the session it opens once made. `otpChannel` null:
 * the channel is read from the `channel` column of the step's `when` CTE (the checked code's).
 * `claimed`: the caller mints the session cookie itself (the lean API), so the session opens claimed.
 */
export function completeLoginChallengeStep(
  challenge: LoginChallenge,
  otpChannel: "SMS" | "VOICE" | null,
  method: string,
  request: RequestInfo,
  now: Date,
  claimed = false,
): { step: Required<SqlStep>; session: OpenedSession } {
  const ticket = randomToken();
  const sessionId = randomUUID();
  const step = repo.completeLoginChallengeStep(
    challenge.id,
    {
      id: sessionId,
      ticketHash: keyedHash(TICKET_PURPOSE, ticket),
      claimedAt: claimed ? now : null,
      authLevel: "PASSWORD_OTP",
      otpAt: now,
      otpChannel,
      expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000),
      ip: request.ip,
      userAgent: request.userAgent?.slice(0, 256) ?? null,
    },
    now,
    auditInSameStatement({
      type: "SIGN_IN",
      result: "SUCCESS",
      actorId: challenge.userId,
      subjectUserId: challenge.userId,
      ...request,
      detail: { sessionId, method },
    }),
  );
  return {
    step,
    session: {
      ticket,
      deviceToken: issueDeviceToken(challenge.userId, now),
      userId: challenge.userId,
      sessionId,
    },
  };
}

/**
 * completeLoginChallengeStep on its own statement. Refused (otp.challenge_expired) when the sign-in was
 * completed or expired meanwhile: the second of two concurrent completions opens no session.
 */
export async function finishLoginChallenge(
  challenge: LoginChallenge,
  otpChannel: "SMS" | "VOICE",
  method: string,
  request: RequestInfo,
  now: Date,
  claimed = false,
): Promise<OpenedSession> {
  const { step, session } = completeLoginChallengeStep(challenge, otpChannel, method, request, now, claimed);
  if (!(await repo.completeLoginChallenge(step))) throw new DomainError("otp.challenge_expired");
  return session;
}
