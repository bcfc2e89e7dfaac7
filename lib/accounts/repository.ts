import "server-only";
import { db, type Tx } from "@/lib/core/db";
import { query } from "@/lib/core/sql";
import type { SendPreflightRow } from "@/lib/otp/service";
import type { LoginChallengeRow } from "@/lib/sessions/service";
import { Prisma, type AccountStatus, type EmailTokenPurpose, type Role } from "@/lib/generated/prisma/client";

export type AccountForSignIn = {
  id: string;
  email: string;
  passwordHash: string;
  status: AccountStatus;
  emailVerifiedAt: Date | null;
};

// Read on every password sign-in: plain SQL (lib/core/sql.ts).
const SIGN_IN_COLUMNS = `id, email, "passwordHash", status, "emailVerifiedAt"`;

async function findAccountWhere(name: string, column: "email" | "username" | "id", value: string) {
  const rows = await query<AccountForSignIn>(
    name,
    `SELECT ${SIGN_IN_COLUMNS} FROM users WHERE ${column} = $1`,
    [value],
  );
  return rows[0] ?? null;
}

export function findAccountByEmail(email: string): Promise<AccountForSignIn | null> {
  return findAccountWhere("accounts-by-email", "email", email);
}

export function findAccountByUsername(username: string): Promise<AccountForSignIn | null> {
  return findAccountWhere("accounts-by-username", "username", username);
}

export function findAccountById(id: string): Promise<AccountForSignIn | null> {
  return findAccountWhere("accounts-by-id", "id", id);
}

export type Profile = {
  id: string;
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  country: string;
  role: Role;
  status: AccountStatus;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  /** IANA zone the user reads dates in; null until the browser tells it. */
  timeZone: string | null;
  closedAt: Date | null;
};

// Read by every token exchange, userinfo call and signed-in page: plain SQL (lib/core/sql.ts).
const PROFILE_COLUMNS = `id, email, username, "firstName", "lastName", country, role, status, "emailVerifiedAt",
  "createdAt", "timeZone", "closedAt"`;

export async function findProfile(id: string): Promise<Profile | null> {
  const rows = await query<Profile>(
    "accounts-profile",
    `SELECT ${PROFILE_COLUMNS} FROM users WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export type NewAccount = {
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  country: string;
  passwordHash: string;
};

/** Returns null when the email or user ID is taken (unique violation), naming which. */
export async function insertAccount(
  data: NewAccount,
  tx: Tx,
): Promise<{ id: string } | { taken: "email" | "username" }> {
  try {
    return await tx.user.create({ data, select: { id: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      return { taken: target.includes("username") ? "username" : "email" };
    }
    throw error;
  }
}

export async function updateProfileFields(
  id: string,
  data: { firstName: string; lastName: string; country: string; timeZone?: string },
  tx?: Tx,
): Promise<void> {
  await (tx ?? db()).user.update({ where: { id }, data, select: { id: true } });
}

/** What else may change on an account: its name (proofing's correction), its status and role (staff). */
export async function updateAccount(
  id: string,
  data: { firstName: string; lastName: string } | { status: AccountStatus } | { role: Role },
  tx: Tx,
): Promise<void> {
  await tx.user.update({ where: { id }, data, select: { id: true } });
}

export async function updatePasswordHash(id: string, passwordHash: string, now: Date, tx: Tx): Promise<void> {
  await tx.user.update({
    where: { id },
    data: { passwordHash, passwordChangedAt: now },
    select: { id: true },
  });
}

/** The zone the browser reported, kept only while the profile has none (the user's own choice wins). */
export async function setDetectedTimeZone(id: string, timeZone: string): Promise<void> {
  await db().user.updateMany({ where: { id, timeZone: null }, data: { timeZone } });
}

/** Closes an active account (false when it was not active); its personal data waits 30 days for erasure. */
export async function markClosed(id: string, now: Date, tx: Tx): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id, status: "ACTIVE" },
    data: { status: "CLOSED", closedAt: now },
  });
  return count === 1;
}

/** Reopens a closed account not yet erased; false otherwise. */
export async function markReopened(id: string, tx: Tx): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id, status: "CLOSED", erasedAt: null },
    data: { status: "ACTIVE", closedAt: null },
  });
  return count === 1;
}

/** A closed account's erasure: the profile names no one (the id stays: orders and audit rows name it). */
export async function eraseProfile(id: string, now: Date, tx: Tx): Promise<void> {
  await tx.user.update({
    where: { id },
    data: {
      email: `erased-${id}@erased.invalid`,
      username: `erased-${id}`,
      firstName: "Erased",
      lastName: "Account",
      country: "ZZ",
      passwordHash: "!",
      timeZone: null,
      erasedAt: now,
    },
    select: { id: true },
  });
}

/** Moves the account to `email` (verified now); false when another account has that address. */
export async function setEmail(id: string, email: string, now: Date, tx: Tx): Promise<boolean> {
  try {
    await tx.user.update({ where: { id }, data: { email, emailVerifiedAt: now }, select: { id: true } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

export async function markEmailVerified(id: string, now: Date, tx: Tx): Promise<void> {
  await tx.user.updateMany({ where: { id, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
}

export type NewEmailToken = {
  userId: string;
  purpose: EmailTokenPurpose;
  tokenHash: string;
  expiresAt: Date;
  /** REPORT_SIGN_IN: the session the link ends. */
  sessionId?: string;
  /** CHANGE_EMAIL / UNDO_EMAIL_CHANGE: the address moved to and the one left. */
  newEmail?: string;
  oldEmail?: string;
};

export async function insertEmailToken(data: NewEmailToken, tx?: Tx): Promise<void> {
  await (tx ?? db()).emailToken.create({ data, select: { id: true } });
}

export type SpentEmailToken = {
  userId: string;
  sessionId: string | null;
  newEmail: string | null;
  oldEmail: string | null;
  createdAt: Date;
};

/** Spends a link token atomically; returns it when it was live and unused. */
export async function spendEmailToken(
  tokenHash: string,
  purpose: EmailTokenPurpose,
  now: Date,
  tx: Tx,
): Promise<SpentEmailToken | null> {
  const token = await tx.emailToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, sessionId: true, newEmail: true, oldEmail: true, createdAt: true },
  });
  if (!token) return null;
  const { count } = await tx.emailToken.updateMany({
    where: { id: token.id, purpose, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  if (count !== 1) return null;
  const { id: _id, ...spent } = token;
  return spent;
}

/** Spends a link token atomically; returns its user when it was live and unused. */
export async function consumeEmailToken(
  tokenHash: string,
  purpose: EmailTokenPurpose,
  now: Date,
  tx: Tx,
): Promise<string | null> {
  return (await spendEmailToken(tokenHash, purpose, now, tx))?.userId ?? null;
}

/** A new link replaces older unused ones of the same purpose. */
export async function expireEmailTokens(userId: string, purpose: EmailTokenPurpose, now: Date, tx?: Tx) {
  await (tx ?? db()).emailToken.updateMany({
    where: { userId, purpose, consumedAt: null },
    data: { consumedAt: now },
  });
}

/** Whether an unused approval link for the phone was sent after `since` (one email per phone at a time). */
export async function hasRecentPhoneApproval(phoneId: string, since: Date, now: Date): Promise<boolean> {
  const count = await db().emailToken.count({
    where: {
      phoneId,
      purpose: "APPROVE_PHONE",
      consumedAt: null,
      expiresAt: { gt: now },
      createdAt: { gt: since },
    },
  });
  return count > 0;
}

export async function insertPhoneApprovalToken(data: {
  userId: string;
  phoneId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
}): Promise<void> {
  await db().emailToken.create({ data: { ...data, purpose: "APPROVE_PHONE" }, select: { id: true } });
}

/** Spends a phone approval link atomically; returns its user and phone when it was live and unused. */
export async function consumePhoneApprovalToken(
  tokenHash: string,
  now: Date,
): Promise<{ userId: string; phoneId: string } | null> {
  const token = await db().emailToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, phoneId: true },
  });
  if (!token?.phoneId) return null;
  const { count } = await db().emailToken.updateMany({
    where: { id: token.id, purpose: "APPROVE_PHONE", consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  return count === 1 ? { userId: token.userId, phoneId: token.phoneId } : null;
}

export type SignInSendRead = SendPreflightRow & {
  challenge: LoginChallengeRow | null;
  e164Encrypted: string | null;
};

/**
 * Everything sending a sign-in code reads, in one statement (the send's first of two round trips): the
 * pending sign-in, the chosen phone if it is one of that user's sign-in phones (the phones module's rule:
 * on an active or proofing-required credential), the account's OTP lock and the number's carrier lookup
 * cached since `lineSince`. A sign-in read model across modules' tables; nothing here writes them.
 */
export async function findSignInSend(
  challengeId: string,
  phoneId: string,
  lineSince: Date,
): Promise<SignInSendRead> {
  const rows = await query<
    SendPreflightRow &
      Omit<LoginChallengeRow, "id"> & { challengeId: string | null; e164Encrypted: string | null }
  >(
    "sign-in-send-read",
    `SELECT ch.id AS "challengeId", ch."userId", ch."passwordAt", ch."expiresAt", ch."completedAt",
       ch."recoveredAt", p."e164Encrypted", g."consecutiveFailures", g."lockedUntil", g."disabledAt",
       l."lineType", l."simSwappedAt"
     FROM (SELECT 1) one
     LEFT JOIN login_challenges ch ON ch.id = $1
     LEFT JOIN phone_numbers p ON p.id = $2 AND p."userId" = ch."userId"
       AND EXISTS (SELECT 1 FROM credentials c
                   WHERE c.id = p."credentialId" AND c.status IN ('ACTIVE', 'PROOFING_REQUIRED'))
     LEFT JOIN otp_guards g ON g."userId" = ch."userId"
     LEFT JOIN phone_line_checks l ON l.fingerprint = p."e164Fingerprint" AND l."checkedAt" > $3`,
    [challengeId, phoneId, lineSince],
  );
  const { challengeId: id, userId, passwordAt, expiresAt, completedAt, recoveredAt, ...rest } = rows[0]!;
  return {
    ...rest,
    challenge: id ? { id, userId, passwordAt, expiresAt, completedAt, recoveredAt } : null,
  };
}
