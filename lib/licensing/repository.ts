import "server-only";
import { db, type Tx } from "@/lib/core/db";
import type {
  CredentialStatus,
  LicenseKeyStatus,
  OrderStatus,
  ProductKind,
} from "@/lib/generated/prisma/client";

export async function insertLicenseKey(
  data: { orderId: string; keyHash: string; hint: string; sealedKey: string; sealedUntil: Date },
  tx: Tx,
): Promise<{ id: string }> {
  return tx.licenseKey.create({ data, select: { id: true } });
}

export type KeyForActivation = {
  id: string;
  status: LicenseKeyStatus;
  order: { productId: string; product: { kind: ProductKind; includesProofing: boolean; termMonths: number } };
};

export function findKeyByHash(keyHash: string): Promise<KeyForActivation | null> {
  return db().licenseKey.findUnique({
    where: { keyHash },
    select: {
      id: true,
      status: true,
      order: {
        select: {
          productId: true,
          product: { select: { kind: true, includesProofing: true, termMonths: true } },
        },
      },
    },
  });
}

/** One row update that cannot succeed twice: whoever flips UNUSED → ACTIVATED first owns the key. */
export async function claimKey(id: string, userId: string, now: Date, tx: Tx): Promise<boolean> {
  const { count } = await tx.licenseKey.updateMany({
    where: { id, status: "UNUSED" },
    data: {
      status: "ACTIVATED",
      activatedAt: now,
      activatedByUserId: userId,
      sealedKey: null,
      sealedUntil: null,
    },
  });
  return count === 1;
}

export type CredentialView = {
  id: string;
  status: CredentialStatus;
  proofingRequired: boolean;
  proofedAt: Date | null;
  activatedAt: Date;
  expiresAt: Date;
  /** Null for a staff credential, which has neither. */
  product: { id: string; name: string; sku: string; includesProofing: boolean } | null;
  licenseKey: { hint: string } | null;
};

const CREDENTIAL_SELECT = {
  id: true,
  status: true,
  proofingRequired: true,
  proofedAt: true,
  activatedAt: true,
  expiresAt: true,
  product: { select: { id: true, name: true, sku: true, includesProofing: true } },
  licenseKey: { select: { hint: true } },
} as const;

export function listCredentials(userId: string): Promise<CredentialView[]> {
  return db().credential.findMany({
    where: { userId },
    select: CREDENTIAL_SELECT,
    orderBy: { activatedAt: "desc" },
  });
}

export function findCredential(userId: string, id: string): Promise<CredentialView | null> {
  return db().credential.findFirst({ where: { id, userId }, select: CREDENTIAL_SELECT });
}

/** An unproofed, unexpired credential of the user: what a proofing upgrade applies to. */
export function findUpgradableCredential(userId: string, now: Date, tx?: Tx): Promise<{ id: string } | null> {
  return (tx ?? db()).credential.findFirst({
    where: {
      userId,
      kind: "PURCHASED",
      proofingRequired: false,
      proofedAt: null,
      status: { not: "REVOKED" },
      expiresAt: { gt: now },
    },
    select: { id: true },
    orderBy: { activatedAt: "asc" },
  });
}

export type SealedKey = {
  id: string;
  hint: string;
  sealedKey: string | null;
  sealedUntil: Date | null;
  status: LicenseKeyStatus;
};

/** The newest key of an order, with its sealed copy if the reveal window is still open. */
export function findLatestKeyForOrder(orderId: string): Promise<SealedKey | null> {
  return db().licenseKey.findFirst({
    where: { orderId },
    orderBy: { issuedAt: "desc" },
    select: { id: true, hint: true, sealedKey: true, sealedUntil: true, status: true },
  });
}

/** How long a claim on a key email holds: well past the mail client's timeouts. */
const KEY_EMAIL_LEASE_MS = 5 * 60_000;

/** A key whose email is owed: not sent, not claimed by a live sender, its sealed copy still there. */
function owedKeyEmail(now: Date) {
  return {
    emailedAt: null,
    OR: [{ emailClaimedUntil: null }, { emailClaimedUntil: { lte: now } }],
    status: "UNUSED" as const,
    sealedKey: { not: null },
    sealedUntil: { gt: now },
  };
}

/**
 * Claims the right to email a key for a few minutes: concurrent deliveries of the same key send one email,
 * and a sender that stops before sending leaves it to the retry sweep once the claim has ended.
 */
export async function claimKeyEmail(id: string, now: Date): Promise<boolean> {
  const { count } = await db().licenseKey.updateMany({
    where: { id, ...owedKeyEmail(now) },
    data: { emailClaimedUntil: new Date(now.getTime() + KEY_EMAIL_LEASE_MS) },
  });
  return count === 1;
}

/** The key email went out. */
export async function markKeyEmailed(id: string, now: Date): Promise<void> {
  await db().licenseKey.updateMany({ where: { id }, data: { emailedAt: now, emailClaimedUntil: null } });
}

/** Gives the claim back after a failed send, so a later delivery attempt can try again. */
export async function releaseKeyEmail(id: string): Promise<void> {
  await db().licenseKey.updateMany({ where: { id }, data: { emailClaimedUntil: null } });
}

export function findKeyForDelivery(id: string) {
  return db().licenseKey.findUnique({
    where: { id },
    select: {
      id: true,
      sealedKey: true,
      order: {
        select: {
          number: true,
          email: true,
          firstName: true,
          product: { select: { name: true } },
          user: { select: { email: true, firstName: true } },
        },
      },
    },
  });
}

/** Keys whose email has not gone out while their sealed copy still exists. */
export function listUndeliveredKeys(now: Date, take: number): Promise<{ id: string }[]> {
  return db().licenseKey.findMany({
    where: owedKeyEmail(now),
    select: { id: true },
    take,
  });
}

/** Revokes the order's unused keys (a replacement is being issued). Returns how many. */
export async function revokeUnusedKeys(orderId: string, now: Date, reason: string, tx: Tx): Promise<number> {
  const { count } = await tx.licenseKey.updateMany({
    where: { orderId, status: "UNUSED" },
    data: { status: "REVOKED", revokedAt: now, revokedReason: reason, sealedKey: null, sealedUntil: null },
  });
  return count;
}

/** What support's key actions need to know about an order. */
export function findOrderOfKeys(
  orderId: string,
): Promise<{ userId: string; status: OrderStatus; renewsCredentialId: string | null } | null> {
  return db().order.findUnique({
    where: { id: orderId },
    select: { userId: true, status: true, renewsCredentialId: true },
  });
}

export async function countActivatedKeys(orderId: string, tx: Tx): Promise<number> {
  return tx.licenseKey.count({ where: { orderId, status: "ACTIVATED" } });
}

/** Wipes sealed copies whose window has closed. */
export async function wipeExpiredSealedKeys(now: Date): Promise<number> {
  const { count } = await db().licenseKey.updateMany({
    where: { sealedUntil: { lte: now } },
    data: { sealedKey: null, sealedUntil: null },
  });
  return count;
}
