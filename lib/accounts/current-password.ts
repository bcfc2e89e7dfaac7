import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { RequestInfo } from "@/lib/core/caller";
import { DomainError } from "@/lib/core/errors";
import { enforceLimit } from "@/lib/core/rate-limit";
import type { AuditType } from "@/lib/generated/prisma/client";
import { verifyPassword } from "./password";
import * as repo from "./repository";

/**
 * A signed-in user re-typed their password to confirm a change (password, email, closing the account).
 * Guesses count against the same limit as sign-in; a wrong one is audited as a failed `type` and throws
 * `accounts.current_password_incorrect` naming the `currentPassword` field.
 */
export async function confirmCurrentPassword(
  userId: string,
  password: string,
  request: RequestInfo,
  type: AuditType,
): Promise<void> {
  await enforceLimit("sign_in.account_ip", `${userId}|${request.ip ?? "unknown"}`);
  const account = await repo.findAccountById(userId);
  if (account && (await verifyPassword(account.passwordHash, password))) return;
  await recordAudit({ type, result: "FAILURE", actorId: userId, subjectUserId: userId, ...request });
  throw new DomainError("accounts.current_password_incorrect", {
    fieldErrors: { currentPassword: "Your current password is incorrect." },
  });
}
