import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { CurrentSession, RequestInfo } from "@/lib/core/caller";
import { keyedHash } from "@/lib/core/crypto";
import { DomainError } from "@/lib/core/errors";
import { consumeLimit, enforceLimit } from "@/lib/core/rate-limit";
import { inTransaction } from "@/lib/core/transaction";
import { requiresPhoneOtp } from "@/lib/phones/service";
import { requireStepUp } from "@/lib/sessions/service";
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
 */
export async function spendRecoveryCode(
  userId: string,
  typed: string,
  request: RequestInfo,
  now = new Date(),
): Promise<void> {
  await enforceLimit("recovery.failures.user", userId, { spend: false });
  const code = normalizeRecoveryCode(typed);
  const spent = code !== null && (await repo.spendCode(userId, keyedHash(PURPOSE, code), now));
  const audit = { actorId: userId, subjectUserId: userId, ...request };
  if (!spent) {
    await consumeLimit("recovery.failures.user", userId);
    await recordAudit({ type: "RECOVERY_CODE_USED", result: "FAILURE", ...audit });
    throw new DomainError("recovery.code_invalid", {
      fieldErrors: { code: "This recovery code is not valid, or it was already used." },
    });
  }
  const left = await repo.countUnusedCodes(userId);
  await recordAudit({ type: "RECOVERY_CODE_USED", result: "SUCCESS", ...audit, detail: { left } });
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
