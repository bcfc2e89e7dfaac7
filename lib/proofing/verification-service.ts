import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { RequestInfo } from "@/lib/core/caller";
import { decrypt, encrypt } from "@/lib/core/crypto";
import type { Tx } from "@/lib/core/transaction";
import { applyCredentialEvent } from "@/lib/credentials/service";
import type { CredentialStatus } from "@/lib/credentials/credentials";
import type { ProofingMethod } from "@/lib/generated/prisma/client";
import * as caseRepo from "./case-repository";
import type { IdentityEvidence } from "./proofing";
import { IDENTITY_VERIFICATION_POLICY, isVerificationCurrent, verificationValidUntil } from "./verification";
import * as repo from "./verification-repository";

// A passed proofing belongs to the person, not only to the credential it was done for: while it is valid,
// another credential "with proofing", an upgrade or a renewal reuses it instead of proofing again.

/**
 * Keeps the passed case on the person (legal name and date of birth sealed, the evidence summary, the level),
 * inside the transaction that decided it. `accountName`: what the agent matched to the ID on a live video
 * session, which collects no typed identity (read before the transaction, which holds its only connection).
 */
export async function recordVerification(
  input: {
    caseId: string;
    evidenceSummary?: Record<string, string>;
    accountName?: { firstName: string; lastName: string };
  },
  now: Date,
  tx: Tx,
): Promise<void> {
  const c = await caseRepo.findCaseById(input.caseId, tx);
  if (!c?.method) return;
  const evidence = c.identityEncrypted
    ? (JSON.parse(decrypt(c.identityEncrypted)) as IdentityEvidence)
    : null;
  const person = evidence
    ? { firstName: evidence.firstName, lastName: evidence.lastName, birthDate: evidence.birthDate }
    : { firstName: input.accountName?.firstName, lastName: input.accountName?.lastName, birthDate: null };
  await repo.insertVerification(
    {
      userId: c.userId,
      caseId: input.caseId,
      method: c.method,
      level: IDENTITY_VERIFICATION_POLICY.level,
      identityEncrypted: encrypt(JSON.stringify(person)),
      evidenceSummary: input.evidenceSummary ?? (await caseRepo.findEvidenceSummary(input.caseId, tx)),
      verifiedAt: now,
    },
    tx,
  );
}

export type CurrentVerification = { verifiedAt: Date; validUntil: Date; method: ProofingMethod };

/** The person's verification that still carries over at `now` (within 3 years, not superseded), or null. */
export async function currentVerification(
  userId: string,
  now = new Date(),
  tx?: Tx,
): Promise<CurrentVerification | null> {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - IDENTITY_VERIFICATION_POLICY.validYears);
  const found = await repo.findLatestVerification(userId, since, tx);
  if (!found || !isVerificationCurrent(found.verifiedAt, now)) return null;
  return {
    verifiedAt: found.verifiedAt,
    validUntil: verificationValidUntil(found.verifiedAt),
    method: found.method,
  };
}

/**
 * A credential that now needs proofing (a new one "with proofing", or an upgrade) is proofed by the person's
 * current verification instead, inside the caller's transaction; audited. Returns its new status, or null when
 * there is no current verification.
 */
export async function reuseVerification(
  userId: string,
  credentialId: string,
  request: RequestInfo,
  now: Date,
  tx: Tx,
): Promise<CredentialStatus | null> {
  const verification = await currentVerification(userId, now, tx);
  if (!verification) return null;
  const { status } = await applyCredentialEvent(
    credentialId,
    (row) => ({ type: "MARK_PROOFED", now: verification.verifiedAt, hasPhones: row.phoneCount > 0 }),
    tx,
  );
  await recordAudit(
    {
      type: "PROOFING_REUSED",
      result: "SUCCESS",
      actorId: userId,
      subjectUserId: userId,
      ...request,
      detail: {
        credentialId,
        verifiedAt: verification.verifiedAt.toISOString(),
        method: verification.method,
      },
    },
    tx,
  );
  return status;
}

/**
 * The person's legal name or date of birth changed (recorded by support): no earlier verification carries over
 * any more, so the next credential "with proofing" proofs again. Returns how many stopped.
 */
export function supersedeVerifications(userId: string, reason: string, now: Date, tx: Tx): Promise<number> {
  return repo.supersedeVerifications(userId, reason, now, tx);
}

/**
 * At renewal: a credential proofed more than 3 years ago, whose person has no newer verification, needs proofing
 * again (its phones stay; the credential page offers the proofing methods). Inside the renewal's transaction.
 */
export async function recheckProofingAtRenewal(userId: string, credentialId: string, now: Date, tx: Tx) {
  const person = await currentVerification(userId, now, tx);
  return applyCredentialEvent(
    credentialId,
    {
      type: "RECHECK_PROOFING",
      now,
      validYears: IDENTITY_VERIFICATION_POLICY.validYears,
      personVerifiedAt: person?.verifiedAt ?? null,
    },
    tx,
  );
}
