import "server-only";
import { credentialName } from "@/lib/credentials/credentials";
import { db, type Tx } from "@/lib/core/db";
import { query, type SqlStep } from "@/lib/core/sql";
import type { CredentialStatus } from "@/lib/generated/prisma/client";

export type CredentialForPhones = { id: string; userId: string; status: CredentialStatus; expiresAt: Date };

export function findCredential(userId: string, credentialId: string): Promise<CredentialForPhones | null> {
  return db().credential.findFirst({
    where: { id: credentialId, userId },
    select: { id: true, userId: true, status: true, expiresAt: true },
  });
}

/** The credential a phone recovered with a recovery code goes on: the user's latest-expiring one with phones. */
export function findRecoveryCredential(userId: string, tx?: Tx): Promise<{ id: string } | null> {
  return (tx ?? db()).credential.findFirst({
    where: { userId, status: { not: "REVOKED" }, phoneNumbers: { some: {} } },
    orderBy: { expiresAt: "desc" },
    select: { id: true },
  });
}

export type PhoneView = {
  id: string;
  credentialId: string;
  country: string;
  lastDigits: string;
  isDefault: boolean;
  verifiedAt: Date;
};

const PHONE_SELECT = {
  id: true,
  credentialId: true,
  country: true,
  lastDigits: true,
  isDefault: true,
  verifiedAt: true,
} as const;

export function listPhones(credentialId: string): Promise<PhoneView[]> {
  return db().phoneNumber.findMany({
    where: { credentialId },
    select: PHONE_SELECT,
    orderBy: { createdAt: "asc" },
  });
}

// The next three run on every sign-in and OTP send: plain SQL (lib/core/sql.ts).

/**
 * The user's ($1) sign-in phones: on a credential that is not revoked (an expired one still guards the
 * sign-in). The same rows require the phone OTP and are offered at sign-in, so a sign-in reads them once.
 */
const SIGN_IN_PHONES = `FROM phone_numbers p JOIN credentials c ON c.id = p."credentialId"
     WHERE p."userId" = $1 AND c.status IN ('ACTIVE', 'PROOFING_REQUIRED')`;

/** The user's sign-in phones, default first; `then` (another module's step) is made when there is one. */
export function listUserPhones(userId: string, then?: SqlStep): Promise<PhoneView[]> {
  if (!then) {
    return query<PhoneView>(
      "phones-list-for-sign-in",
      `SELECT p.id, p."credentialId", p.country, p."lastDigits", p."isDefault", p."verifiedAt"
       ${SIGN_IN_PHONES}
       ORDER BY p."isDefault" DESC, p."createdAt" ASC`,
      [userId],
    );
  }
  return query<PhoneView>(
    "phones-list-for-sign-in-then",
    `WITH phones AS (
       SELECT p.id, p."credentialId", p.country, p."lastDigits", p."isDefault", p."verifiedAt", p."createdAt"
       ${SIGN_IN_PHONES}
     ), ${then.cte(2, "phones")}
     SELECT id, "credentialId", country, "lastDigits", "isDefault", "verifiedAt" FROM phones
     ORDER BY "isDefault" DESC, "createdAt" ASC`,
    [userId, ...then.values],
  );
}

export async function findUserPhone(
  userId: string,
  phoneId: string,
): Promise<{ id: string; e164Encrypted: string; country: string } | null> {
  const rows = await query<{ id: string; e164Encrypted: string; country: string }>(
    "phones-find-for-sign-in",
    `SELECT p.id, p."e164Encrypted", p.country
     FROM phone_numbers p JOIN credentials c ON c.id = p."credentialId"
     WHERE p.id = $1 AND p."userId" = $2 AND c.status IN ('ACTIVE', 'PROOFING_REQUIRED')`,
    [phoneId, userId],
  );
  return rows[0] ?? null;
}

export async function hasPhone(credentialId: string, fingerprint: string): Promise<boolean> {
  return (await db().phoneNumber.count({ where: { credentialId, e164Fingerprint: fingerprint } })) > 0;
}

/**
 * Adds a verified phone while holding the credential's row lock, so concurrent adds are counted one
 * after another and the limit cannot be overrun. Returns null when the credential is full or has it already.
 */
export async function insertPhoneLocked(
  data: {
    userId: string;
    credentialId: string;
    e164Encrypted: string;
    e164Fingerprint: string;
    country: string;
    lastDigits: string;
  },
  max: number,
  now: Date,
  tx: Tx,
): Promise<{ id: string; isFirst: boolean } | "full" | "duplicate"> {
  await tx.$queryRaw`SELECT id FROM credentials WHERE id = ${data.credentialId}::uuid FOR UPDATE`;
  const existing = await tx.phoneNumber.findMany({
    where: { credentialId: data.credentialId },
    select: { e164Fingerprint: true },
  });
  if (existing.some((p) => p.e164Fingerprint === data.e164Fingerprint)) return "duplicate";
  if (existing.length >= max) return "full";
  const phone = await tx.phoneNumber.create({
    data: { ...data, isDefault: existing.length === 0, verifiedAt: now },
    select: { id: true },
  });
  return { id: phone.id, isFirst: existing.length === 0 };
}

/**
 * Whether the user must pass a phone OTP at sign-in: an unexpired credential with a phone, active or going
 * through a proofing upgrade (which must not weaken sign-in while it lasts).
 */
/**
 * Whether the user has a phone on a credential that is not revoked, expired or not: its phones keep protecting
 * the account's sign-in after expiry (until they are released), so expiry never turns sign-in password-only.
 */
export async function hasProtectingPhone(userId: string): Promise<boolean> {
  const rows = await query<{ found: boolean }>(
    "phones-has-protecting",
    `SELECT EXISTS (
       SELECT 1 ${SIGN_IN_PHONES}
     ) AS found`,
    [userId],
  );
  return rows[0]!.found;
}

/** Whether the user has a phone on a credential that has not expired: a second factor partners may rely on. */
export async function hasActivePhone(userId: string, now: Date): Promise<boolean> {
  const rows = await query<{ found: boolean }>(
    "phones-has-active",
    `SELECT EXISTS (
       SELECT 1 FROM phone_numbers p JOIN credentials c ON c.id = p."credentialId"
       WHERE p."userId" = $1 AND c.status IN ('ACTIVE', 'PROOFING_REQUIRED') AND c."expiresAt" > $2
     ) AS found`,
    [userId, now],
  );
  return rows[0]!.found;
}

export type ManagedCredential = { id: string; productName: string; phones: PhoneView[] };

export async function listManagedCredentials(userId: string): Promise<ManagedCredential[]> {
  const rows = await db().credential.findMany({
    where: {
      userId,
      OR: [{ status: "ACTIVE" }, { status: "PROOFING_REQUIRED", phoneNumbers: { some: {} } }],
    },
    select: {
      id: true,
      product: { select: { name: true } },
      phoneNumbers: { select: PHONE_SELECT, orderBy: { createdAt: "asc" } },
    },
    orderBy: { activatedAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, productName: credentialName(r.product), phones: r.phoneNumbers }));
}

/** Removes a phone unless it is its credential's last one (decided under the credential's row lock). */
export async function deletePhoneLocked(
  userId: string,
  phoneId: string,
  tx: Tx,
): Promise<"removed" | "last" | "missing"> {
  const phone = await tx.phoneNumber.findFirst({
    where: { id: phoneId, userId },
    select: { credentialId: true, isDefault: true },
  });
  if (!phone) return "missing";
  await tx.$queryRaw`SELECT id FROM credentials WHERE id = ${phone.credentialId}::uuid FOR UPDATE`;
  const others = await tx.phoneNumber.findMany({
    where: { credentialId: phone.credentialId, id: { not: phoneId } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  if (others.length === 0) return "last";
  await tx.phoneNumber.delete({ where: { id: phoneId } });
  if (phone.isDefault)
    await tx.phoneNumber.update({ where: { id: others[0]!.id }, data: { isDefault: true } });
  return "removed";
}

export async function makeDefault(userId: string, phoneId: string, tx: Tx): Promise<boolean> {
  const phone = await tx.phoneNumber.findFirst({
    where: { id: phoneId, userId },
    select: { credentialId: true },
  });
  if (!phone) return false;
  await tx.phoneNumber.updateMany({
    where: { credentialId: phone.credentialId },
    data: { isDefault: false },
  });
  await tx.phoneNumber.update({ where: { id: phoneId }, data: { isDefault: true } });
  return true;
}

/** The user's other registered phones (sealed numbers), to tell them about a change. */
export function listOtherPhoneNumbers(userId: string, exceptPhoneId: string | null) {
  return db().phoneNumber.findMany({
    where: { userId, ...(exceptPhoneId ? { id: { not: exceptPhoneId } } : {}) },
    select: { e164Encrypted: true },
  });
}

export function findUserContact(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { email: true, firstName: true } });
}

/** Deletes every phone of the user. Returns how many. */
export async function deleteAllPhones(userId: string, tx: Tx): Promise<number> {
  const { count } = await tx.phoneNumber.deleteMany({ where: { userId } });
  return count;
}

/** Lets one code go to the phone until `until`, despite a recent SIM swap (its owner approved it by email). */
export async function grantRiskApproval(phoneId: string, until: Date): Promise<void> {
  await db().phoneNumber.update({
    where: { id: phoneId },
    data: { riskApprovedUntil: until },
    select: { id: true },
  });
}

/** Spends the phone's approval if it is still valid; returns whether there was one. */
export async function consumeRiskApproval(phoneId: string, now: Date): Promise<boolean> {
  const { count } = await db().phoneNumber.updateMany({
    where: { id: phoneId, riskApprovedUntil: { gt: now } },
    data: { riskApprovedUntil: null },
  });
  return count === 1;
}

export function findPhoneDisplay(userId: string, phoneId: string) {
  return db().phoneNumber.findFirst({
    where: { id: phoneId, userId },
    select: { country: true, lastDigits: true, credentialId: true },
  });
}

/** Credentials past `before` (expired, not revoked, not renewed) that still have phones, oldest first. */
export async function listLapsedCredentialsWithPhones(before: Date, take: number): Promise<string[]> {
  const rows = await query<{ id: string }>(
    "phones-lapsed-credentials",
    `SELECT c.id FROM credentials c
     WHERE c.kind = 'PURCHASED' AND c.status <> 'REVOKED' AND c."expiresAt" <= $1
       AND EXISTS (SELECT 1 FROM phone_numbers p WHERE p."credentialId" = c.id)
     ORDER BY c."expiresAt" LIMIT $2`,
    [before, take],
  );
  return rows.map((r) => r.id);
}

/**
 * Deletes the phones of a credential still lapsed at `before`, holding its row (a renewal committing meanwhile
 * wins, and a second worker finds nothing). Returns the owner and how many went, or null.
 */
export async function deleteLapsedPhones(
  credentialId: string,
  before: Date,
  tx: Tx,
): Promise<{ userId: string; removed: number } | null> {
  const locked = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM credentials
    WHERE id = ${credentialId}::uuid AND status <> 'REVOKED' AND "expiresAt" <= ${before}
    FOR UPDATE`;
  if (!locked[0]) return null;
  const { count } = await tx.phoneNumber.deleteMany({ where: { credentialId } });
  return count > 0 ? { userId: locked[0].userId, removed: count } : null;
}
