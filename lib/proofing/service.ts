import "server-only";
import { correctAccountName } from "@/lib/accounts/service";
import { auditSelf } from "@/lib/audit/service";
import { decrypt, encrypt, keyedHash, randomToken } from "@/lib/core/crypto";
import { env, isStripeIdentityEnabled } from "@/lib/core/env";
import { DomainError, type ErrorCode } from "@/lib/core/errors";
import { errorMessage } from "@/lib/errors/catalog";
import { enforceLimit, refundLimit } from "@/lib/core/rate-limit";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import { DeliveryError, sendSms } from "@/lib/messaging/service";
import { checkPhone } from "@/lib/phones/phones";
import type { RequestInfo } from "@/lib/core/caller";
import { proofingLinkMessage } from "./emails";
import type { IdentityCheck, IdentityVerifier } from "./identity-verifier";
import { localIdentityVerifier } from "./local-identity-verifier";
import { stripeIdentityVerifier } from "./stripe-identity";
import {
  PROOFING_POLICY,
  PROOFING_TERMS_VERSION,
  ageOn,
  availableMethods,
  isStepAllowed,
  latestAllowedStep,
  type IdentityEvidence,
  type ProofingMethod,
  type ProofingStep,
} from "./proofing";
import { discardImages, nextStepOf, openCaseAt, saveStep, saveStepAlone } from "./case-steps";
import * as caseRepo from "./case-repository";
import type {
  AnswerKbaInput,
  ChooseProofingMethodInput,
  CorrectNameInput,
  CredentialStepInput,
  SelectProofingCountryInput,
  SubmitIdentityInput,
  SubmitMobileInput,
} from "./schemas";

/** Stripe Identity when STRIPE_IDENTITY is set (the SSN is checked with the document); else the local bureau. */
const verifier = (): IdentityVerifier =>
  isStripeIdentityEnabled() ? stripeIdentityVerifier : localIdentityVerifier;

export type ProofingView = {
  credentialId: string;
  productName: string;
  credentialStatus: string;
  caseId: string;
  status: caseRepo.ProofingCaseRow["status"];
  country: string | null;
  method: ProofingMethod | null;
  methods: ProofingMethod[];
  fullName: { firstName: string; lastName: string };
  email: string;
  slotStartsAt: Date | null;
  identity: (IdentityEvidence & { ssnLast4: string | null }) | null;
  mobileLastDigits: string | null;
  kbaQuestions: caseRepo.ProofingCaseRow["kbaQuestions"];
  linkSentAt: Date | null;
  linkExpiresAt: Date | null;
  captureStartedAt: Date | null;
  /** The document, selfie and SSN were checked by Stripe Identity (no KBA: it has none). */
  checkedByStripeIdentity: boolean;
  decidedAt: Date | null;
  failureReason: string | null;
  attemptsLeft: number;
};

export type ProofingPage =
  { allowed: true; view: ProofingView } | { allowed: false; redirectTo: ProofingStep };

/**
 * What a proofing step page shows, or where to send the user instead: a step whose predecessors are not
 * done redirects to the latest allowed one. The first visit opens the credential's first proofing case.
 */
export async function getProofingStep(
  userId: string,
  credentialId: string,
  step: ProofingStep,
  request: RequestInfo,
): Promise<ProofingPage> {
  const credential = await caseRepo.findCredential(userId, credentialId);
  if (!credential) throw new DomainError("proofing.not_found");
  let current = await caseRepo.findLatestCase(credential.id);
  if (!current) {
    if (credential.status !== "PROOFING_REQUIRED") throw new DomainError("proofing.not_required");
    await startAttempt(userId, credential.id, request);
    current = (await caseRepo.findLatestCase(credential.id))!;
  }
  const awaitingProofing = credential.status === "PROOFING_REQUIRED";
  if (!awaitingProofing && current.status === "IN_PROGRESS") throw new DomainError("proofing.not_required");
  if (!isStepAllowed(step, current)) return { allowed: false, redirectTo: latestAllowedStep(current) };
  return { allowed: true, view: await toView(credential, current) };
}

async function toView(
  credential: caseRepo.ProofingCredential,
  c: caseRepo.ProofingCaseRow,
): Promise<ProofingView> {
  const [user, failures] = await Promise.all([
    caseRepo.findUserName(c.userId),
    caseRepo.countFailedCases(c.credentialId),
  ]);
  const identity = c.identityEncrypted
    ? (JSON.parse(decrypt(c.identityEncrypted)) as IdentityEvidence)
    : null;
  return {
    credentialId: credential.id,
    productName: credential.productName,
    credentialStatus: credential.status,
    caseId: c.id,
    status: c.status,
    country: c.country,
    method: c.method,
    methods: c.country ? availableMethods(c.country, failures.failedSelfService) : [],
    fullName: { firstName: user.firstName, lastName: user.lastName },
    email: user.email,
    slotStartsAt: c.slotStartsAt,
    identity: identity ? { ...identity, ssnLast4: c.ssnLast4 } : null,
    mobileLastDigits: c.mobileLastDigits,
    kbaQuestions: c.kbaQuestions,
    linkSentAt: c.linkSentAt,
    linkExpiresAt: c.linkExpiresAt,
    captureStartedAt: c.captureStartedAt,
    checkedByStripeIdentity: c.providerSessionId !== null,
    decidedAt: c.decidedAt,
    failureReason: c.failureReason,
    attemptsLeft: Math.max(0, PROOFING_POLICY.maxAttemptsPerCredential - failures.failed),
  };
}

/**
 * Opens a new proofing attempt for a credential that still needs proofing (after a failed one), unless one
 * is open already. Refused after three failed attempts.
 */
export async function startAttempt(
  userId: string,
  credentialId: string,
  request: RequestInfo,
): Promise<void> {
  const credential = await caseRepo.findCredential(userId, credentialId);
  if (!credential) throw new DomainError("proofing.not_found");
  if (credential.status !== "PROOFING_REQUIRED") throw new DomainError("proofing.not_required");
  await inTransaction(async (tx) => {
    await caseRepo.lockCredential(credential.id, tx);
    const latest = await caseRepo.findLatestCase(credential.id, tx);
    if (latest?.status === "IN_PROGRESS") return;
    if (latest?.status === "PASSED") throw new DomainError("proofing.decided");
    const { failed } = await caseRepo.countFailedCases(credential.id, tx);
    if (failed >= PROOFING_POLICY.maxAttemptsPerCredential)
      throw new DomainError("proofing.attempts_exhausted");
    const caseId = await caseRepo.insertCase({ credentialId: credential.id, userId }, tx);
    await auditSelf("PROOFING_STARTED", "SUCCESS", userId, request, { caseId, attempt: failed + 1 }, tx);
  });
}

/**
 * Support gives a credential that used up its proofing attempts (all three, or the two self-service ones) one
 * more, self-service included. Refused while attempts are left. The caller audits it with the reason.
 */
export async function grantProofingAttempt(
  input: { userId: string; credentialId: string; grantedById: string; reason: string },
  tx: Tx,
): Promise<void> {
  const credential = await caseRepo.findCredential(input.userId, input.credentialId);
  if (!credential || credential.status !== "PROOFING_REQUIRED")
    throw new DomainError("proofing.not_required");
  await caseRepo.lockCredential(credential.id, tx);
  const { failed, failedSelfService } = await caseRepo.countFailedCases(credential.id, tx);
  const exhausted =
    failed >= PROOFING_POLICY.maxAttemptsPerCredential ||
    failedSelfService >= PROOFING_POLICY.failedSelfServiceBeforeVideoOnly;
  if (!exhausted) throw new DomainError("proofing.attempts_left");
  const { credentialId, grantedById, reason } = input;
  await caseRepo.insertAttemptGrant({ credentialId, grantedById, reason }, tx);
}

export async function selectProofingCountry(
  userId: string,
  input: SelectProofingCountryInput,
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "country");
  return { next: await saveStepAlone(current.id, "country", { country: input.country }) };
}

/** Self-service only where offered and after fewer than two failed tries. */
export async function chooseProofingMethod(
  userId: string,
  input: ChooseProofingMethodInput,
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "method");
  const { failedSelfService } = await caseRepo.countFailedCases(current.credentialId);
  if (!availableMethods(current.country!, failedSelfService).includes(input.method))
    throw new DomainError("proofing.method_unavailable");
  return { next: await saveStepAlone(current.id, "method", { method: input.method }) };
}

export async function confirmProofingName(
  userId: string,
  input: CredentialStepInput,
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "name");
  return { next: await saveStepAlone(current.id, "name", { nameConfirmedAt: new Date() }) };
}

/** MY NAME IS INCORRECT: corrects the account's name (audited); the user confirms it again. */
export async function correctProofingName(
  userId: string,
  input: CorrectNameInput,
  request: RequestInfo,
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "name");
  const undone = await inTransaction(async (tx) => {
    await correctAccountName(userId, input, tx);
    await auditSelf("PROOFING_NAME_CORRECTED", "SUCCESS", userId, request, { caseId: current.id }, tx);
    return saveStep(current.id, "method", {}, tx);
  });
  await discardImages(undone);
  return { next: await nextStepOf(current.id) };
}

export async function startProofing(
  userId: string,
  input: CredentialStepInput,
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "instructions");
  return { next: await saveStepAlone(current.id, "instructions", { instructionsReadAt: new Date() }) };
}

/** Records consent (with the terms version, which covers the selfie capture) and its time. */
export async function agreeToProofingTerms(
  userId: string,
  input: CredentialStepInput,
  request: RequestInfo,
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "terms");
  const undone = await inTransaction(async (tx) => {
    const detail = { caseId: current.id, version: PROOFING_TERMS_VERSION, selfie: true };
    await auditSelf("PROOFING_CONSENT_GIVEN", "SUCCESS", userId, request, detail, tx);
    return saveStep(
      current.id,
      "terms",
      { consentedAt: new Date(), consentVersion: PROOFING_TERMS_VERSION },
      tx,
    );
  });
  await discardImages(undone);
  return { next: await nextStepOf(current.id) };
}

function fieldError(code: ErrorCode, field: string): DomainError {
  return new DomainError(code, { fieldErrors: { [field]: errorMessage(code) } });
}

/**
 * Stores the identity data encrypted, and the SSN as ciphertext plus a keyed fingerprint (never in
 * plaintext). Refuses applicants under 18. Whether the SSN is proofed on another account is not answered
 * here: the identity check decides it, rate-limited and audited (submitMobile).
 */
export async function submitIdentity(
  userId: string,
  input: SubmitIdentityInput,
  now = new Date(),
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "identity");
  const birthDate = new Date(`${input.birthDate}T00:00:00Z`);
  if (birthDate > now || birthDate.getUTCFullYear() < 1900) throw fieldError("input.invalid", "birthDate");
  if (ageOn(birthDate, now) < PROOFING_POLICY.minimumAge) throw fieldError("proofing.too_young", "birthDate");
  const fingerprint = keyedHash("ssn", input.ssn);
  const identity: IdentityEvidence = {
    firstName: input.firstName,
    middleName: input.middleName,
    lastName: input.lastName,
    birthDate: input.birthDate,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2,
    city: input.city,
    state: input.state,
    postalCode: input.postalCode,
  };
  const next = await saveStepAlone(current.id, "identity", {
    identityEncrypted: encrypt(JSON.stringify(identity)),
    ssnEncrypted: encrypt(input.ssn),
    ssnFingerprint: fingerprint,
    ssnLast4: input.ssn.slice(-4),
    identitySubmittedAt: now,
  });
  return { next };
}

export type IdentityResult = {
  outcome: "VERIFIED" | "KBA_REQUIRED" | "NOT_VERIFIED";
  linkSent: boolean;
  next: ProofingStep;
};

/**
 * Runs the identity check with the mobile number (at most 10 per hour per user). Verified: the proofing
 * link is texted. More evidence needed: KBA questions. Not verified: this attempt fails.
 */
export async function submitMobile(
  userId: string,
  input: SubmitMobileInput,
  request: RequestInfo,
  now = new Date(),
): Promise<IdentityResult> {
  const current = await openCaseAt(userId, input.credentialId, "mobile");
  const parsed = checkPhone("US", input.mobile, "SMS");
  if ("problem" in parsed) throw fieldError("proofing.mobile_invalid", "mobile");
  const check = await checkIdentity(userId, current, parsed.e164);
  const undone = await inTransaction(async (tx) => {
    const images = await saveStep(
      current.id,
      "mobile",
      {
        mobileEncrypted: encrypt(parsed.e164),
        mobileLastDigits: parsed.lastDigits,
        identityOutcome: check.outcome,
        identityCheckedAt: now,
        kbaQuestions: check.outcome === "KBA_REQUIRED" ? check.questions : null,
        providerSessionId: check.outcome === "KBA_REQUIRED" ? null : (check.providerSessionId ?? null),
      },
      tx,
    );
    const result = check.outcome === "NOT_VERIFIED" ? "FAILURE" : "SUCCESS";
    const provider = "providerSessionId" in check && check.providerSessionId ? "stripe_identity" : "bureau";
    const detail = { caseId: current.id, outcome: check.outcome, reference: check.reference, provider };
    await auditSelf("PROOFING_IDENTITY_CHECKED", result, userId, request, detail, tx);
    if (check.outcome === "NOT_VERIFIED") {
      const reason = check.reference === SSN_IN_USE ? SSN_IN_USE : "identity_not_verified";
      await failCase(current, reason, { identity: check.outcome }, request, now, tx);
    }
    return images;
  });
  await discardImages(undone);
  const linkSent =
    check.outcome === "VERIFIED" && (await trySendLink(current.id, userId, parsed.e164, request, now));
  return { outcome: check.outcome, linkSent, next: await nextStepOf(current.id) };
}

/** The failure reason (for support) of an SSN already proofed on another account; users see a failed check. */
const SSN_IN_USE = "ssn_in_use";

/**
 * One identity check, its limit spent first. An SSN already proofed on another account fails like any check
 * that does not verify, after the same limit and audit, so the step answers nobody whether an SSN is known.
 */
async function checkIdentity(
  userId: string,
  current: { id: string; ssnEncrypted: string | null; identityEncrypted: string | null },
  mobile: string,
): Promise<IdentityCheck> {
  await enforceLimit("proofing.ssn_check.user", userId);
  const ssn = decrypt(current.ssnEncrypted!);
  if (await caseRepo.hasPassedCaseWithSsn(keyedHash("ssn", ssn), userId))
    return { outcome: "NOT_VERIFIED", reference: SSN_IN_USE };
  const identity = JSON.parse(decrypt(current.identityEncrypted!)) as IdentityEvidence;
  try {
    return await verifier().verify({ caseId: current.id, ssn, identity, mobile });
  } catch {
    await refundLimit("proofing.ssn_check.user", userId);
    throw new DomainError("proofing.verifier_unavailable");
  }
}

async function failCase(
  current: { id: string; userId: string; method: ProofingMethod | null },
  reason: string,
  evidence: Record<string, string>,
  request: RequestInfo,
  now: Date,
  tx: Tx,
) {
  if (
    !(await caseRepo.decideCase(current.id, { status: "FAILED", failureReason: reason, evidence }, now, tx))
  )
    throw new DomainError("proofing.decided");
  const detail = { caseId: current.id, reason, method: current.method ?? "" };
  await auditSelf("PROOFING_FAILED", "FAILURE", current.userId, request, detail, tx);
}

/** Checks the KBA answers: all right sends the proofing link; any wrong fails this attempt. */
export async function answerKba(
  userId: string,
  input: AnswerKbaInput,
  request: RequestInfo,
  now = new Date(),
): Promise<{ passed: boolean; linkSent: boolean; next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "kba");
  const questions = current.kbaQuestions ?? [];
  const missing = questions.filter((q) => !q.choices.includes(input.answers[q.id] ?? ""));
  if (missing.length > 0) {
    const fieldErrors = Object.fromEntries(missing.map((q) => [`answer.${q.id}`, "Choose an answer."]));
    throw new DomainError("proofing.kba_incomplete", { fieldErrors });
  }
  const ssn = decrypt(current.ssnEncrypted!);
  const passed = await verifier().checkKbaAnswers({ ssn, answers: input.answers });
  await inTransaction(async (tx) => {
    const result = passed ? "SUCCESS" : "FAILURE";
    await auditSelf("PROOFING_KBA_ANSWERED", result, userId, request, { caseId: current.id }, tx);
    if (passed) await caseRepo.updateOpenCase(current.id, { kbaPassedAt: now }, tx);
    else await failCase(current, "kba_failed", { identity: "KBA_REQUIRED", kba: "failed" }, request, now, tx);
  });
  const linkSent =
    passed && (await trySendLink(current.id, userId, decrypt(current.mobileEncrypted!), request, now));
  return { passed, linkSent, next: await nextStepOf(current.id) };
}

/** Texts a new proofing link (the old one stops working); refused after 5 sends in 10 minutes. */
export async function resendProofingLink(
  userId: string,
  input: CredentialStepInput,
  request: RequestInfo,
  now = new Date(),
): Promise<void> {
  const current = await openCaseAt(userId, input.credentialId, "capture");
  await sendLink(current.id, userId, decrypt(current.mobileEncrypted!), request, now);
}

async function trySendLink(caseId: string, userId: string, e164: string, request: RequestInfo, now: Date) {
  try {
    await sendLink(caseId, userId, e164, request, now);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/**
 * The link carries 256 random bits and is valid 15 minutes. It is delivered before its hash is stored, so a
 * failed delivery leaves the previous link (if any) as it was and does not count against the limit.
 */
async function sendLink(caseId: string, userId: string, e164: string, request: RequestInfo, now: Date) {
  await enforceLimit("proofing.link_send.user", userId);
  const token = randomToken(32);
  const link = new URL(`/proof/${token}`, env().APP_URL).toString();
  try {
    await sendSms(proofingLinkMessage(e164, link));
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    await refundLimit("proofing.link_send.user", userId);
    await auditSelf("PROOFING_LINK_SENT", "FAILURE", userId, request, { caseId });
    throw new DomainError("proofing.link_not_delivered");
  }
  await inTransaction(async (tx) => {
    const saved = await caseRepo.updateOpenCase(
      caseId,
      {
        linkTokenHash: keyedHash("proofing-link", token),
        linkSentAt: now,
        linkExpiresAt: new Date(now.getTime() + PROOFING_POLICY.linkValidMinutes * 60_000),
        captureSessionHash: null,
        captureStartedAt: null,
      },
      tx,
    );
    if (!saved) throw new DomainError("proofing.decided");
    await auditSelf("PROOFING_LINK_SENT", "SUCCESS", userId, request, { caseId }, tx);
  });
}

/**
 * ID PROOFING COMPLETED: true when the phone finished and the case is decided; false while the photos
 * are still missing.
 */
export async function isProofingDecided(userId: string, input: CredentialStepInput): Promise<boolean> {
  const credential = await caseRepo.findCredential(userId, input.credentialId);
  if (!credential) throw new DomainError("proofing.not_found");
  const latest = await caseRepo.findLatestCase(credential.id);
  return latest !== null && latest.status !== "IN_PROGRESS";
}
