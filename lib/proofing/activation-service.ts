import "server-only";
import { auditSelf } from "@/lib/audit/service";
import { markCredentialProofed } from "@/lib/credentials/service";
import { normalizeCrockford, randomCrockford } from "@/lib/core/crockford";
import { keyedHash } from "@/lib/core/crypto";
import { DomainError } from "@/lib/core/errors";
import { consumeLimit, enforceLimit } from "@/lib/core/rate-limit";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import { enqueueJob } from "@/lib/jobs/queue";
import type { RequestInfo } from "@/lib/core/caller";
import { getProfile } from "@/lib/accounts/service";
import { env } from "@/lib/core/env";
import { logger } from "@/lib/core/logger";
import { sendEmail } from "@/lib/messaging/service";
import * as codeRepo from "./activation-code-repository";
import * as appointmentRepo from "./appointment-repository";
import * as caseRepo from "./case-repository";
import type { ActivationCodeInput } from "./schemas";
import { recordVerification } from "./verification-service";
import { codeRequestedMessage } from "./video-emails";
import { ACTIVATION_CODE_LENGTH, VIDEO_POLICY } from "./video";

// Step 4, "Activate Proofing Code": the code an agent issues after a passed live video session.

const DAY = 24 * 60 * 60_000;
export const CODE_EXPIRY_REMINDER_JOB = "activation_code.expiry_reminder";

const codeHash = (normalized: string) => keyedHash("proofing-activation-code", normalized);

/**
 * Issues a code for a passed case: 80 random bits in four groups of unambiguous characters, stored only as a
 * keyed hash, valid 30 days. The plaintext is returned once, for the agent's screen, and kept nowhere.
 */
export async function issueActivationCode(
  input: { caseId: string; credentialId: string; userId: string; issuedById: string },
  now: Date,
  tx: Tx,
): Promise<{ code: string; expiresAt: Date }> {
  const code = randomCrockford(VIDEO_POLICY.codeGroups, VIDEO_POLICY.codeGroupLength);
  const expiresAt = new Date(now.getTime() + VIDEO_POLICY.codeValidDays * DAY);
  const codeId = await codeRepo.insertActivationCode(
    { ...input, codeHash: codeHash(code.replace(/-/g, "")), issuedAt: now, expiresAt },
    tx,
  );
  for (const daysLeft of VIDEO_POLICY.codeReminderDaysBefore) {
    const runAt = new Date(expiresAt.getTime() - daysLeft * DAY);
    await enqueueJob(CODE_EXPIRY_REMINDER_JOB, { codeId, daysLeft }, { runAt }, tx);
  }
  return { code, expiresAt };
}

/** Whether the credential waits for its activation code (dashboard: Activate). */
export async function pendingActivationCode(userId: string, credentialId: string) {
  const credential = await caseRepo.findCredential(userId, credentialId);
  if (!credential || credential.status !== "PROOFING_REQUIRED") return null;
  const open = await codeRepo.findOpenActivationCode(credential.id);
  return open ? { expiresAt: open.expiresAt } : null;
}

async function refuse(
  userId: string,
  credentialId: string,
  request: RequestInfo,
  reason: string,
): Promise<DomainError> {
  await consumeLimit("proofing.code_failures.user", userId);
  await auditSelf("ACTIVATION_CODE_FAILED", "FAILURE", userId, request, { credentialId, reason });
  return new DomainError(reason === "expired" ? "proofing.code_expired" : "proofing.code_invalid", {
    fieldErrors: {
      code: reason === "expired" ? "This activation code has expired." : "This activation code is not valid.",
    },
  });
}

/** Continue: checks the code without spending it. At most 5 wrong codes per 10 minutes per user. */
export async function checkActivationCode(
  userId: string,
  input: ActivationCodeInput,
  request: RequestInfo,
  now = new Date(),
): Promise<{ expiresAt: Date }> {
  // Another user's credential is refused as an unknown object (404, audited), not as a wrong code.
  if (!(await caseRepo.findCredential(userId, input.credentialId)))
    throw new DomainError("proofing.not_found");
  await enforceLimit("proofing.code_failures.user", userId, { spend: false });
  const normalized = normalizeCrockford(input.code, ACTIVATION_CODE_LENGTH);
  const found = normalized ? await codeRepo.findActivationCodeByHash(codeHash(normalized)) : null;
  if (
    !found ||
    found.userId !== userId ||
    found.credentialId !== input.credentialId ||
    found.usedAt ||
    found.revokedAt
  )
    throw await refuse(userId, input.credentialId, request, "invalid");
  if (found.expiresAt <= now) throw await refuse(userId, input.credentialId, request, "expired");
  return { expiresAt: found.expiresAt };
}

/**
 * Activate: spends the code (one row update, so one of any number of concurrent uses succeeds) and marks the
 * credential proofed; phones come next.
 */
export async function activateWithCode(
  userId: string,
  input: ActivationCodeInput,
  request: RequestInfo,
  now = new Date(),
): Promise<void> {
  await checkActivationCode(userId, input, request, now);
  const hash = codeHash(normalizeCrockford(input.code, ACTIVATION_CODE_LENGTH)!);
  const { firstName, lastName } = await getProfile(userId);
  const used = await inTransaction(async (tx) => {
    await caseRepo.lockCredential(input.credentialId, tx);
    if (!(await codeRepo.useActivationCode(hash, userId, input.credentialId, now, tx))) return false;
    await markCredentialProofed(input.credentialId, now, tx);
    const code = await codeRepo.findActivationCodeByHash(hash, tx);
    if (code)
      await recordVerification({ caseId: code.caseId, accountName: { firstName, lastName } }, now, tx);
    await auditSelf(
      "ACTIVATION_CODE_USED",
      "SUCCESS",
      userId,
      request,
      { credentialId: input.credentialId },
      tx,
    );
    return true;
  });
  if (!used) throw await refuse(userId, input.credentialId, request, "used");
}

/** Credentials of the user that wait for their activation code, with its expiry. */
export async function listPendingActivationCodes(userId: string): Promise<Map<string, Date>> {
  const codes = await codeRepo.listOpenActivationCodesForUser(userId);
  return new Map(codes.map((c) => [c.credentialId, c.expiresAt]));
}

/**
 * **Request a New Activation Code**: the user lost the code or it expired. The agent who passed their live video
 * session is told (email, and their console's request list); they re-check the user's identity and re-issue.
 * One open request per credential: asking again changes nothing. Returns when it was asked.
 */
export async function requestNewActivationCode(
  userId: string,
  credentialId: string,
  request: RequestInfo,
  now = new Date(),
): Promise<Date> {
  const credential = await caseRepo.findCredential(userId, credentialId);
  if (!credential) throw new DomainError("proofing.not_found");
  const latest = await caseRepo.findLatestCase(credential.id);
  const agent = latest?.status === "PASSED" ? await appointmentRepo.findPassingAgent(latest.id) : null;
  if (credential.status !== "PROOFING_REQUIRED" || !agent)
    throw new DomainError("proofing.no_code_to_reissue");
  const inserted = await inTransaction(async (tx) => {
    if (!(await codeRepo.insertCodeRequest({ credentialId, userId, agentId: agent.id, createdAt: now }, tx)))
      return false;
    await auditSelf(
      "ACTIVATION_CODE_REQUESTED",
      "SUCCESS",
      userId,
      request,
      { credentialId, agentId: agent.id },
      tx,
    );
    return true;
  });
  if (inserted) {
    const profile = await getProfile(userId);
    await sendEmail(
      codeRequestedMessage({
        to: agent.email,
        agentFirstName: agent.firstName,
        applicantName: `${profile.firstName} ${profile.lastName}`,
        consoleUrl: new URL("/admin/proofing", env().APP_URL).toString(),
      }),
    ).catch((error: unknown) =>
      logger().error({ err: (error as Error).message }, "code request not delivered to the agent"),
    );
  }
  return (await codeRepo.findOpenCodeRequest(credentialId))?.createdAt ?? now;
}

/** When the user asked for a new activation code that has not been issued yet, or null. */
export async function openCodeRequest(credentialId: string): Promise<Date | null> {
  return (await codeRepo.findOpenCodeRequest(credentialId))?.createdAt ?? null;
}
