import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { DomainError } from "@/lib/core/errors";
import { inTransaction } from "@/lib/core/transaction";
import { countActiveSessions, endAllSessions, type RequestInfo } from "@/lib/sessions/service";
import * as repo from "./repository";
import { credentialTimeline } from "./timeline";
import { liftOtpLockout } from "@/lib/otp/service";
import { resetAllPhones } from "@/lib/phones/service";
import type { ChangeRoleInput, SetAccountStatusInput, SupportActionInput } from "./schemas";

export type { UserSummary } from "./repository";

type Actor = { userId: string };

export function searchUsers(query: string) {
  return repo.searchUsers(query, 50);
}

export async function getUser(userId: string) {
  const user = await repo.findUserSummary(userId);
  if (!user) throw new DomainError("admin.user_not_found");
  return { ...user, activeSessions: await countActiveSessions(userId, new Date()) };
}

async function requireOtherUser(actor: Actor, userId: string) {
  if (actor.userId === userId) throw new DomainError("admin.cannot_change_self");
  const user = await repo.findUserSummary(userId);
  if (!user) throw new DomainError("admin.user_not_found");
  return user;
}

/** Disabling an account also ends all of its sessions, effective on their next request. */
export async function setAccountStatus(actor: Actor, input: SetAccountStatusInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId);
  if (user.status === input.status) return;
  const now = new Date();
  await inTransaction(async (tx) => {
    await repo.updateStatus(user.id, input.status, tx);
    if (input.status === "DISABLED") await endAllSessions(user.id, now, tx);
    await recordAudit(
      {
        type: input.status === "DISABLED" ? "ACCOUNT_DISABLED" : "ACCOUNT_ENABLED",
        result: "SUCCESS",
        actorId: actor.userId,
        subjectUserId: user.id,
        ...request,
      },
      tx,
    );
  });
}

export async function changeRole(actor: Actor, input: ChangeRoleInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId);
  if (user.role === input.role) return;
  await inTransaction(async (tx) => {
    await repo.updateRole(user.id, input.role, tx);
    await recordAudit(
      {
        type: "ROLE_CHANGED",
        result: "SUCCESS",
        actorId: actor.userId,
        subjectUserId: user.id,
        ...request,
        detail: { from: user.role, to: input.role },
      },
      tx,
    );
  });
}

export async function revokeSessions(actor: Actor, userId: string, request: RequestInfo) {
  const user = await repo.findUserSummary(userId);
  if (!user) throw new DomainError("admin.user_not_found");
  await inTransaction(async (tx) => {
    const count = await endAllSessions(user.id, new Date(), tx);
    await recordAudit(
      {
        type: "SESSIONS_REVOKED",
        result: "SUCCESS",
        actorId: actor.userId,
        subjectUserId: user.id,
        ...request,
        detail: { count },
      },
      tx,
    );
  });
}

/** Lifts the account's phone OTP lockout; audited with the staff member and the reason. */
export async function liftUserOtpLockout(actor: Actor, input: SupportActionInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId);
  await inTransaction(async (tx) => {
    if (!(await liftOtpLockout(user.id, tx))) throw new DomainError("admin.nothing_to_lift");
    await recordAudit(
      {
        type: "OTP_LOCK_LIFTED",
        result: "SUCCESS",
        actorId: actor.userId,
        subjectUserId: user.id,
        ...request,
        detail: { reason: input.reason },
      },
      tx,
    );
  });
}

/**
 * Resets the account's phones (lost phone): all are removed, its sessions end, and the user registers a phone
 * again after signing in with the password. Audited with the staff member and the reason.
 */
export async function resetUserPhones(actor: Actor, input: SupportActionInput, request: RequestInfo) {
  const user = await requireOtherUser(actor, input.userId);
  return inTransaction(async (tx) => {
    const removed = await resetAllPhones(user.id, tx);
    await endAllSessions(user.id, new Date(), tx);
    await recordAudit(
      {
        type: "PHONES_RESET",
        result: "SUCCESS",
        actorId: actor.userId,
        subjectUserId: user.id,
        ...request,
        detail: { reason: input.reason, removed },
      },
      tx,
    );
    return removed;
  });
}

/** Each of the user's credentials with its timeline, for the support console. */
export async function getCredentialTimelines(userId: string, now = new Date()) {
  const histories = await repo.findCredentialHistories(userId);
  return histories.map((h) => ({
    id: h.id,
    productName: h.product.name,
    status: h.status,
    events: credentialTimeline(h, now),
  }));
}
