import "server-only";
import type { CurrentSession, RequestInfo } from "@/lib/core/caller";
import { changeAccountAccess, correctAccountName } from "@/lib/accounts/service";
import { auditStaff } from "@/lib/audit/service";
import { DomainError } from "@/lib/core/errors";
import { inTransaction } from "@/lib/core/transaction";
import {
  credentialTimelines,
  ensureStaffCredential,
  latestProofing,
  revokeCredential as revokeUserCredential,
} from "@/lib/credentials/service";
import { errorMessage } from "@/lib/errors/catalog";
import {
  countActiveSessions,
  endAllSessions,
  endSessionOf,
  listActiveSessions,
  requireStepUp,
} from "@/lib/sessions/service";
import * as repo from "./repository";
import { STAFF_ROLES } from "./staff-access";
import { liftOtpLockout } from "@/lib/otp/service";
import { grantProofingAttempt } from "@/lib/proofing/service";
import { supersedeVerifications } from "@/lib/proofing/verification-service";
import { stopProofingOfRevokedCredential } from "@/lib/proofing/video-service";
import { resetAllPhones } from "@/lib/phones/service";
import type {
  ChangeLegalIdentityInput,
  ChangeRoleInput,
  EndSessionInput,
  ResetPhonesInput,
  RevokeCredentialInput,
  SetAccountStatusInput,
  SupportActionInput,
} from "./schemas";

export type { UserSummary } from "./repository";

/** The staff member acting: their role decides who they may act on, their phone OTP time the step-up. */
type Actor = Pick<CurrentSession, "userId" | "role" | "otpAt">;

export function searchUsers(query: string) {
  return repo.searchUsers(query, 50);
}

export async function getUser(userId: string) {
  const user = await repo.findUserSummary(userId);
  if (!user) throw new DomainError("admin.user_not_found");
  return { ...user, activeSessions: await countActiveSessions(userId, new Date()) };
}

/** The user's signed-in sessions, newest activity first, for support's "End Session". */
export function getActiveSessions(userId: string, now = new Date()) {
  return listActiveSessions(userId, now);
}

/**
 * The account a staff action applies to: never the actor's own, and a staff account only for an admin. With
 * `stepUp`, the action changes the person's access and needs the actor's phone OTP within 20 minutes.
 */
async function requireOtherUser(actor: Actor, userId: string, options: { stepUp?: boolean } = {}) {
  if (actor.userId === userId) throw new DomainError("admin.cannot_change_self");
  const user = await repo.findUserSummary(userId);
  if (!user) throw new DomainError("admin.user_not_found");
  if (STAFF_ROLES.includes(user.role) && actor.role !== "ADMIN") throw new DomainError("admin.staff_account");
  if (options.stepUp) requireStepUp(actor, new Date());
  return user;
}

/** Disabling an account also ends all of its sessions, effective on their next request. */
export async function setAccountStatus(actor: Actor, input: SetAccountStatusInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId, { stepUp: true });
  if (user.status === input.status) return;
  // Only its owner reopens a closed account (by signing in within 30 days).
  if (user.status === "CLOSED") throw new DomainError("admin.account_closed");
  const now = new Date();
  await inTransaction(async (tx) => {
    await changeAccountAccess(user.id, { status: input.status }, tx);
    if (input.status === "DISABLED") await endAllSessions(user.id, now, tx);
    await auditStaff(
      input.status === "DISABLED" ? "ACCOUNT_DISABLED" : "ACCOUNT_ENABLED",
      actor.userId,
      user.id,
      request,
      { reason: input.reason },
      tx,
    );
  });
}

export async function changeRole(actor: Actor, input: ChangeRoleInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId, { stepUp: true });
  if (user.role === input.role) return;
  await inTransaction(async (tx) => {
    await changeAccountAccess(user.id, { role: input.role }, tx);
    await auditStaff(
      "ROLE_CHANGED",
      actor.userId,
      user.id,
      request,
      { from: user.role, to: input.role, reason: input.reason },
      tx,
    );
  });
  // Staff sign in to the consoles with a phone: their staff credential comes with the role.
  if (STAFF_ROLES.includes(input.role)) await ensureStaffCredential(user.id, new Date());
}

export async function revokeSessions(actor: Actor, input: SupportActionInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId);
  await inTransaction(async (tx) => {
    const count = await endAllSessions(user.id, new Date(), tx);
    await auditStaff("SESSIONS_REVOKED", actor.userId, user.id, request, { count, reason: input.reason }, tx);
  });
}

/** Ends one of the user's sessions (a lost laptop), effective on its next request. */
export async function endUserSession(actor: Actor, input: EndSessionInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId);
  await inTransaction(async (tx) => {
    if (!(await endSessionOf(user.id, input.sessionId, new Date(), tx)))
      throw new DomainError("admin.session_not_found");
    await auditStaff(
      "SESSION_ENDED",
      actor.userId,
      user.id,
      request,
      { sessionId: input.sessionId, reason: input.reason },
      tx,
    );
  });
}

/**
 * Revokes a credential (fraud, a compromised phone): its phones no longer sign in, and the user's sessions end,
 * since any of them may rest on its phone OTP. Audited with the staff member and the reason.
 */
export async function revokeCredential(actor: Actor, input: RevokeCredentialInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId, { stepUp: true });
  await inTransaction(async (tx) => {
    if (!(await revokeUserCredential(user.id, input.credentialId, tx)))
      throw new DomainError("admin.credential_not_revocable");
    await endAllSessions(user.id, new Date(), tx);
    await stopProofingOfRevokedCredential(
      input.credentialId,
      { userId: actor.userId, subjectUserId: user.id },
      request,
      tx,
    );
    await auditStaff(
      "CREDENTIAL_REVOKED",
      actor.userId,
      user.id,
      request,
      { credentialId: input.credentialId, reason: input.reason },
      tx,
    );
  });
}

/** One more proofing attempt for a credential that used up its own; audited with the staff member and the reason. */
export async function grantAnotherProofingAttempt(
  actor: Actor,
  input: RevokeCredentialInput,
  request: RequestInfo,
) {
  const user = await requireOtherUser(actor, input.userId, { stepUp: true });
  await inTransaction(async (tx) => {
    await grantProofingAttempt(
      { userId: user.id, credentialId: input.credentialId, grantedById: actor.userId, reason: input.reason },
      tx,
    );
    const detail = { credentialId: input.credentialId, reason: input.reason };
    await auditStaff("PROOFING_ATTEMPT_GRANTED", actor.userId, user.id, request, detail, tx);
  });
}

/** Lifts the account's phone OTP lockout; audited with the staff member and the reason. */
export async function liftUserOtpLockout(actor: Actor, input: SupportActionInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId, { stepUp: true });
  await inTransaction(async (tx) => {
    if (!(await liftOtpLockout(user.id, tx))) throw new DomainError("admin.nothing_to_lift");
    await auditStaff("OTP_LOCK_LIFTED", actor.userId, user.id, request, { reason: input.reason }, tx);
  });
}

/**
 * Resets the account's phones (every phone lost, no recovery code): all are removed, its sessions end, and the
 * user registers a phone again after signing in with the password. A proofed user's identity must have been
 * re-checked against the verified one (photo ID on video, or a new proofing), not only account details.
 * Audited with the staff member, the reason and the check.
 */
export async function resetUserPhones(actor: Actor, input: ResetPhonesInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId, { stepUp: true });
  if (input.identityCheck === "ACCOUNT_KNOWLEDGE" && (await latestProofing(user.id)) !== null) {
    throw new DomainError("admin.identity_recheck_required", {
      fieldErrors: { identityCheck: errorMessage("admin.identity_recheck_required") },
    });
  }
  return inTransaction(async (tx) => {
    const removed = await resetAllPhones(user.id, tx);
    await endAllSessions(user.id, new Date(), tx);
    const detail = { reason: input.reason, removed, identityCheck: input.identityCheck };
    await auditStaff("PHONES_RESET", actor.userId, user.id, request, detail, tx);
    return removed;
  });
}

/**
 * A person's legal name changed (a marriage, a correction), or their date of birth on record did: support
 * records it with a reason. The account's name changes, and no earlier identity verification carries over
 * (the next credential with proofing proofs again). Audited with the reason and what changed.
 */
export async function changeLegalIdentity(
  actor: Actor,
  input: ChangeLegalIdentityInput,
  request: RequestInfo,
) {
  const user = await requireOtherUser(actor, input.userId, { stepUp: true });
  const nameChanged = user.firstName !== input.firstName || user.lastName !== input.lastName;
  const birthDateChanged = input.birthDateChanged === "on";
  if (!nameChanged && !birthDateChanged) throw new DomainError("admin.identity_unchanged");
  const now = new Date();
  await inTransaction(async (tx) => {
    if (nameChanged) await correctAccountName(user.id, input, tx);
    const superseded = await supersedeVerifications(user.id, input.reason, now, tx);
    const detail = { reason: input.reason, nameChanged, birthDateChanged, superseded };
    await auditStaff("IDENTITY_CHANGED", actor.userId, user.id, request, detail, tx);
  });
}

/**
 * Each of the user's credentials with its timeline, for the support console. Proofing outcomes and SSN last
 * digits are identity evidence: showing them is audited (IDENTITY_EVIDENCE_VIEWED) with the staff member.
 */
export async function getCredentialTimelines(
  actor: Actor,
  userId: string,
  request: RequestInfo,
  now = new Date(),
) {
  const timelines = await credentialTimelines(userId, "staff", { now });
  const cases = timelines.reduce((n, t) => n + t.proofingCases, 0);
  if (cases > 0) {
    const detail = { view: "support user page", cases };
    await auditStaff("IDENTITY_EVIDENCE_VIEWED", actor.userId, userId, request, detail);
  }
  return timelines;
}
