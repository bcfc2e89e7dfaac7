import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { CurrentSession, RequestInfo } from "@/lib/core/caller";
import { keyedHash } from "@/lib/core/crypto";
import { DomainError } from "@/lib/core/errors";
import { consumeLimit, enforceLimit } from "@/lib/core/rate-limit";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import { getProfile } from "@/lib/accounts/service";
import { latestProofing } from "@/lib/credentials/service";
import { env } from "@/lib/core/env";
import { sendEmailInBackground } from "@/lib/messaging/service";
import type { RecoveryPhoneInput } from "@/lib/phones/schemas";
import {
  lostPhones,
  replaceLostPhones,
  requiresPhoneOtp,
  sendReplacementPhoneCode,
  textEveryPhone,
} from "@/lib/phones/service";
import {
  finishLoginChallenge,
  readLoginChallenge,
  recoverLoginChallenge,
  requireStepUp,
  type OpenedSession,
} from "@/lib/sessions/service";
import { recoveryUsedMessage, RECOVERY_USED_TEXT } from "./emails";
import { newRecoveryCode, normalizeRecoveryCode, RECOVERY_POLICY } from "./recovery";
import * as repo from "./repository";

const PURPOSE = "recovery-code";

/**
 * A new set of recovery codes for the user, returned once in plaintext (to show, download or print) and stored
 * only as keyed hashes; the old set stops working.
 */
export async function generateRecoveryCodes(
  userId: string,
  request: RequestInfo,
  now = new Date(),
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_POLICY.codesPerSet }, newRecoveryCode);
  const hashes = codes.map((c) => keyedHash(PURPOSE, normalizeRecoveryCode(c)!));
  await inTransaction(async (tx) => {
    await repo.replaceCodes(userId, hashes, now, tx);
    await recordAudit(
      {
        type: "RECOVERY_CODES_GENERATED",
        result: "SUCCESS",
        actorId: userId,
        subjectUserId: userId,
        ...request,
      },
      tx,
    );
  });
  return codes;
}

/**
 * Spends one of the user's recovery codes: it never works again, whoever else tries it at the same moment.
 * Refused (recovery.code_invalid) when wrong or used; 10 refusals in an hour lock recovery for the rest of it.
 * Inside `tx` when given (the spend then stands or falls with the caller's other writes). Returns the codes left.
 */
export async function spendRecoveryCode(
  userId: string,
  typed: string,
  request: RequestInfo,
  now = new Date(),
  tx?: Tx,
): Promise<number> {
  await enforceLimit("recovery.failures.user", userId, { spend: false });
  const code = normalizeRecoveryCode(typed);
  const spent = code !== null && (await repo.spendCode(userId, keyedHash(PURPOSE, code), now, tx));
  const audit = { actorId: userId, subjectUserId: userId, ...request };
  if (!spent) {
    await consumeLimit("recovery.failures.user", userId);
    await recordAudit({ type: "RECOVERY_CODE_USED", result: "FAILURE", ...audit });
    throw new DomainError("recovery.code_invalid", {
      fieldErrors: { code: "This recovery code is not valid, or it was already used." },
    });
  }
  const left = await repo.countUnusedCodes(userId, tx);
  await recordAudit({ type: "RECOVERY_CODE_USED", result: "SUCCESS", ...audit, detail: { left } }, tx);
  return left;
}

/** How many unused codes the user has (Manage OTP shows it; none means a new set is due). */
export function unusedRecoveryCodes(userId: string): Promise<number> {
  return repo.countUnusedCodes(userId);
}

/**
 * Generate (New) Recovery Codes on Manage OTP: for an account whose phones guard its sign-in, after a phone
 * OTP in the last 20 minutes, so a stolen password alone can never mint a way around the phones.
 */
export async function createRecoveryCodes(
  session: CurrentSession,
  request: RequestInfo,
  now = new Date(),
): Promise<string[]> {
  if (!(await requiresPhoneOtp(session.userId))) throw new DomainError("recovery.no_phones");
  requireStepUp(session, now);
  return generateRecoveryCodes(session.userId, request, now);
}

/** What the recovery pages show for a pending sign-in; null when it expired or was completed. */
export async function getRecoverySignIn(challengeToken: string | undefined, now = new Date()) {
  const challenge = await readLoginChallenge(challengeToken, now);
  if (!challenge) return null;
  const [phones, proofedAt] = await Promise.all([
    lostPhones(challenge.userId),
    latestProofing(challenge.userId, now),
  ]);
  return { recovered: challenge.recovered, phones, proofed: proofedAt !== null };
}

async function requireChallenge(challengeToken: string | undefined, recovered: boolean, now: Date) {
  const challenge = await readLoginChallenge(challengeToken, now);
  if (!challenge || challenge.recovered !== recovered) throw new DomainError("otp.challenge_expired");
  return challenge;
}

/**
 * **I can't use my phones**: a recovery code instead of the phone OTP. The code is spent, and the pending
 * sign-in may now only register a phone that replaces the lost ones; every other session and pending sign-in
 * ends, and the account's email and phones are told.
 */
export async function signInWithRecoveryCode(
  challengeToken: string | undefined,
  code: string,
  request: RequestInfo,
  now = new Date(),
): Promise<void> {
  const challenge = await requireChallenge(challengeToken, false, now);
  const left = await inTransaction(async (tx) => {
    const codesLeft = await spendRecoveryCode(challenge.userId, code, request, now, tx);
    // Lost to a concurrent completion or expiry: the code is given back with the rollback.
    if (!(await recoverLoginChallenge(challenge, now, tx))) throw new DomainError("otp.challenge_expired");
    return codesLeft;
  });
  const profile = await getProfile(challenge.userId);
  const when = { at: now, timeZone: profile.timeZone };
  sendEmailInBackground(
    recoveryUsedMessage(profile.email, profile.firstName, when, left, env().SUPPORT_EMAIL),
  );
  await textEveryPhone(challenge.userId, RECOVERY_USED_TEXT);
}

/** The recovered sign-in's new phone: its confirmation code by text or voice. */
export async function sendRecoveryPhoneCode(
  challengeToken: string | undefined,
  input: RecoveryPhoneInput,
  request: RequestInfo,
  now = new Date(),
): Promise<{ expiresAt: Date; label: string }> {
  const challenge = await requireChallenge(challengeToken, true, now);
  return sendReplacementPhoneCode(challenge.userId, challenge.id, input, request, now);
}

/**
 * The new phone's code was right: it replaces the lost phones and the sign-in completes with a full session
 * (password and phone OTP). Returns the session's ticket and the browser's device token.
 */
export async function completeRecoveryWithPhone(
  challengeToken: string | undefined,
  code: string,
  request: RequestInfo,
  now = new Date(),
): Promise<OpenedSession> {
  const challenge = await requireChallenge(challengeToken, true, now);
  const { channel } = await replaceLostPhones(challenge.userId, challenge.id, code, request, now);
  // Were the sign-in lost now (expired), the phones stay replaced and signing in again works.
  return finishLoginChallenge(challenge, channel, "password+recovery_code+new_phone", request, now);
}
