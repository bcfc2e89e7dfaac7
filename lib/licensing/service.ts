import "server-only";
import { credentialName } from "@/lib/credentials/credentials";
import { recordAudit } from "@/lib/audit/service";
import { decrypt, encrypt, keyedHash } from "@/lib/core/crypto";
import { env } from "@/lib/core/env";
import { DomainError } from "@/lib/core/errors";
import { errorMessage } from "@/lib/errors/catalog";
import { logger } from "@/lib/core/logger";
import { consumeLimit, enforceLimit } from "@/lib/core/rate-limit";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import { sendEmail } from "@/lib/messaging/service";
import type { RequestInfo } from "@/lib/core/caller";
import { formatOrderNumber } from "@/lib/store/store";
import { licenseKeyMessage } from "./emails";
import { generateLicenseKey, licenseKeyHint, normalizeLicenseKey } from "./license-key";
import {
  effectiveStatus,
  isInRenewalWindow,
  renewedExpiry,
  type CredentialStatus,
} from "@/lib/credentials/credentials";
import { applyCredentialEvent, createCredential } from "@/lib/credentials/service";
import { recheckProofingAtRenewal, reuseVerification } from "@/lib/proofing/verification-service";
import { KEY_REVEAL_WINDOW_MS } from "./licensing";
import * as repo from "./repository";

const KEY_PURPOSE = "license-key";

export type IssuedKey = { keyId: string; hint: string };

/**
 * Creates a key for a paid order inside the caller's transaction. The plaintext exists only in the email
 * and, for the buyer's confirmation window, as an encrypted copy (see ADR 007).
 */
export async function issueLicenseKey(
  orderId: string,
  actorId: string | null,
  now: Date,
  tx: Tx,
): Promise<IssuedKey> {
  const key = generateLicenseKey();
  const normalized = normalizeLicenseKey(key)!;
  const hint = licenseKeyHint(normalized);
  const { id } = await repo.insertLicenseKey(
    {
      orderId,
      keyHash: keyedHash(KEY_PURPOSE, normalized),
      hint,
      sealedKey: encrypt(key),
      sealedUntil: new Date(now.getTime() + KEY_REVEAL_WINDOW_MS),
    },
    tx,
  );
  await recordAudit(
    { type: "LICENSE_KEY_ISSUED", result: "SUCCESS", actorId, detail: { orderId, keyId: id, hint } },
    tx,
  );
  return { keyId: id, hint };
}

/**
 * Emails a key to its buyer, at most once however many callers race (payment confirmation, a redelivered
 * webhook, the retry sweep). Returns false when there was nothing to send or the provider failed.
 */
export async function deliverLicenseKeyEmail(keyId: string, now = new Date()): Promise<boolean> {
  if (!(await repo.claimKeyEmail(keyId, now))) return false;
  try {
    const found = await repo.findKeyForDelivery(keyId);
    if (!found?.sealedKey) return false;
    const { order } = found;
    await sendEmail(
      licenseKeyMessage({
        to: order.email ?? order.user.email,
        firstName: order.firstName ?? order.user.firstName,
        orderNumber: formatOrderNumber(order.number),
        productName: order.product.name,
        key: decrypt(found.sealedKey),
        activateUrl: new URL("/licenses/activate", env().APP_URL).toString(),
      }),
    );
    await repo.markKeyEmailed(keyId, now);
    return true;
  } catch (error) {
    await repo.releaseKeyEmail(keyId);
    logger().error({ err: (error as Error).message, keyId }, "license key email failed");
    return false;
  }
}

/** Retries key emails that did not go out (provider down, process stopped mid-way). */
export async function deliverPendingKeyEmails(now = new Date()): Promise<number> {
  let sent = 0;
  for (const { id } of await repo.listUndeliveredKeys(now, 50))
    if (await deliverLicenseKeyEmail(id, now)) sent += 1;
  return sent;
}

/** The order's newest key as staff may see it: its hint and status, never the key. */
export async function latestKeySummary(orderId: string) {
  const key = await repo.findLatestKeyForOrder(orderId);
  return key ? { hint: key.hint, status: key.status } : null;
}

/** The order's newest key: in full while its reveal window is open, else only its hint. */
export async function revealLatestKey(orderId: string, now = new Date()) {
  const key = await repo.findLatestKeyForOrder(orderId);
  if (!key) return null;
  const isOpen = key.status === "UNUSED" && key.sealedKey && key.sealedUntil && key.sealedUntil > now;
  return { hint: key.hint, status: key.status, key: isOpen ? decrypt(key.sealedKey!) : null };
}

async function refuseActivation(
  userId: string,
  request: RequestInfo,
  code: DomainError["code"],
  reason: string,
) {
  // Only keys that do not exist count as guesses; a used or revoked key is a real key, not a guess.
  if (code === "licensing.key_invalid") {
    await Promise.all([
      consumeLimit("license_key.failures.account", userId),
      consumeLimit("license_key.failures.ip", request.ip ?? "unknown"),
    ]);
  }
  await recordAudit({
    type: "LICENSE_KEY_ACTIVATION_FAILED",
    result: "FAILURE",
    actorId: userId,
    subjectUserId: userId,
    ...request,
    detail: { reason },
  });
  return new DomainError(code, { fieldErrors: { licenseKey: errorMessage(code) } });
}

export type Activation = { credentialId: string; status: CredentialStatus; isUpgrade: boolean };

/**
 * Activates a license key for the user: creates the credential (or, for a proofing upgrade, marks the
 * user's unproofed credential as needing proofing). Exactly one of any number of concurrent attempts on
 * the same key succeeds. Wrong keys are limited per account and per IP.
 */
export async function activateLicenseKey(
  userId: string,
  rawKey: string,
  request: RequestInfo,
  now = new Date(),
): Promise<Activation> {
  await enforceLimit("license_key.failures.account", userId, { spend: false });
  await enforceLimit("license_key.failures.ip", request.ip ?? "unknown", { spend: false });
  const normalized = normalizeLicenseKey(rawKey);
  const found = normalized ? await repo.findKeyByHash(keyedHash(KEY_PURPOSE, normalized)) : null;
  if (!found) throw await refuseActivation(userId, request, "licensing.key_invalid", "unknown_key");
  if (found.status === "REVOKED")
    throw await refuseActivation(userId, request, "licensing.key_revoked", "revoked_key");

  const product = found.order.product;
  const result = await inTransaction(async (tx): Promise<Activation | "used"> => {
    if (!(await repo.claimKey(found.id, userId, now, tx))) return "used";
    let activation: Activation;
    if (product.kind === "PROOFING_UPGRADE") {
      const credential = await repo.findUpgradableCredential(userId, now, tx);
      // Thrown, not returned, so the transaction rolls back and the key stays unused.
      if (!credential) throw new DomainError("licensing.upgrade_not_applicable");
      await applyCredentialEvent(credential.id, { type: "REQUIRE_PROOFING" }, tx);
      activation = { credentialId: credential.id, status: "PROOFING_REQUIRED", isUpgrade: true };
    } else {
      const { id, status } = await createCredential(
        { userId, productId: found.order.productId, licenseKeyId: found.id, product },
        now,
        tx,
      );
      activation = { credentialId: id, status, isUpgrade: false };
    }
    // The person's identity was verified in the last 3 years: no second proofing.
    if (activation.status === "PROOFING_REQUIRED") {
      const proofed = await reuseVerification(userId, activation.credentialId, request, now, tx);
      if (proofed) activation.status = proofed;
    }
    await recordAudit(
      {
        type: "LICENSE_KEY_ACTIVATED",
        result: "SUCCESS",
        actorId: userId,
        subjectUserId: userId,
        ...request,
        detail: { keyId: found.id, credentialId: activation.credentialId },
      },
      tx,
    );
    return activation;
  });
  if (result === "used") throw await refuseActivation(userId, request, "licensing.key_used", "used_key");
  return result;
}

export type CredentialSummary = {
  id: string;
  productName: string;
  status: CredentialStatus;
  includesProofing: boolean;
  activatedAt: Date;
  expiresAt: Date;
  /** Null for a staff credential, which comes with the role rather than a key. */
  keyHint: string | null;
  canRenew: boolean;
  /** Whole days until expiry while it is due for renewal (30 days or less), else null (expired included). */
  expiresInDays: number | null;
};

export async function listCredentials(userId: string, now = new Date()): Promise<CredentialSummary[]> {
  const rows = await repo.listCredentials(userId);
  return rows.map((c) => {
    const status = effectiveStatus(c.status, c.expiresAt, now);
    return {
      id: c.id,
      productName: credentialName(c.product),
      status,
      includesProofing: c.proofingRequired,
      activatedAt: c.activatedAt,
      expiresAt: c.expiresAt,
      keyHint: c.licenseKey?.hint ?? null,
      canRenew: c.product !== null && status !== "REVOKED" && isInRenewalWindow(c.expiresAt, now),
      expiresInDays:
        c.product !== null &&
        status !== "REVOKED" &&
        status !== "EXPIRED" &&
        isInRenewalWindow(c.expiresAt, now)
          ? Math.ceil((c.expiresAt.getTime() - now.getTime()) / 86_400_000)
          : null,
    };
  });
}

/** Whether the user may buy a proofing upgrade (has an unproofed, unexpired credential). */
export async function hasUpgradableCredential(userId: string, now = new Date()): Promise<boolean> {
  return (await repo.findUpgradableCredential(userId, now)) !== null;
}

/** Extends a credential by one term from its expiry (or from now when expired); inside the caller's transaction. */
export async function renewCredential(
  credentialId: string,
  termMonths: number,
  now: Date,
  tx: Tx,
): Promise<Date> {
  const { userId, expiresAt } = await applyCredentialEvent(
    credentialId,
    (row) => ({ type: "RENEW", expiresAt: renewedExpiry(row.expiresAt, termMonths, now) }),
    tx,
  );
  // Renewing reuses the proofing while it is valid (3 years); after that, the credential proofs again.
  await recheckProofingAtRenewal(userId, credentialId, now, tx);
  await recordAudit(
    {
      type: "CREDENTIAL_RENEWED",
      result: "SUCCESS",
      subjectUserId: userId,
      detail: { credentialId, expiresAt: expiresAt.toISOString() },
    },
    tx,
  );
  return expiresAt;
}

/** A credential of the user that is in its renewal window, or null. */
export async function findRenewableCredential(userId: string, credentialId: string, now = new Date()) {
  const c = await repo.findCredential(userId, credentialId);
  if (!c?.product) return null;
  if (effectiveStatus(c.status, c.expiresAt, now) === "REVOKED" || !isInRenewalWindow(c.expiresAt, now))
    return null;
  return { id: c.id, productId: c.product.id, productName: c.product.name, expiresAt: c.expiresAt };
}

export function wipeExpiredSealedKeys(now = new Date()) {
  return repo.wipeExpiredSealedKeys(now);
}
