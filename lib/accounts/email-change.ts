import "server-only";
import { auditSelf } from "@/lib/audit/service";
import type { RequestInfo } from "@/lib/core/caller";
import { keyedHash, randomToken } from "@/lib/core/crypto";
import { DomainError } from "@/lib/core/errors";
import { consumeLimit } from "@/lib/core/rate-limit";
import { inTransaction } from "@/lib/core/transaction";
import { sendEmailInBackground } from "@/lib/messaging/service";
import { endAllSessions } from "@/lib/sessions/service";
import { confirmCurrentPassword } from "./current-password";
import * as emails from "./email-change-emails";
import { emailLink } from "./links";
import * as repo from "./repository";
import { issueResetToken } from "./reset-link";
import type { ChangeEmailInput } from "./schemas";

// Changing the account's email address (Login.gov, GitHub): the password, then a link to the new address; the
// old address is told, with a link that takes the account back within 7 days (and starts a password reset,
// since whoever changed it knew the password). The user ID never changes: partners see it as the login.

const CONFIRM_PURPOSE = "email-change";
const UNDO_PURPOSE = "email-change-undo";
export const CONFIRM_LINK_TTL_MS = 24 * 60 * 60 * 1000;
export const UNDO_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Checks the password and emails a confirmation link to the new address. An address that already has an
 * account gets a notice instead and the caller sees the same answer (no account enumeration).
 * Throws `accounts.current_password_incorrect`, `accounts.email_unchanged` or `accounts.too_many_requests`.
 */
export async function requestEmailChange(
  userId: string,
  input: ChangeEmailInput,
  request: RequestInfo,
  now = new Date(),
): Promise<void> {
  const profile = await repo.findProfile(userId);
  if (!profile) throw new DomainError("auth.unauthenticated");
  if (input.email === profile.email) {
    throw new DomainError("accounts.email_unchanged", {
      fieldErrors: { email: "This is already your email address." },
    });
  }
  await confirmCurrentPassword(userId, input.currentPassword, request, "EMAIL_CHANGE_REQUESTED");
  if (!(await consumeLimit("email_link.account", userId)).allowed) {
    throw new DomainError("accounts.too_many_requests");
  }
  if (await repo.findAccountByEmail(input.email)) {
    await auditSelf("EMAIL_CHANGE_REQUESTED", "FAILURE", userId, request, { reason: "address_taken" });
    sendEmailInBackground(emails.addressTakenMessage(input.email));
    return;
  }
  const token = randomToken();
  await inTransaction(async (tx) => {
    await repo.expireEmailTokens(userId, "CHANGE_EMAIL", now, tx);
    await repo.insertEmailToken(
      {
        userId,
        purpose: "CHANGE_EMAIL",
        tokenHash: keyedHash(CONFIRM_PURPOSE, token),
        expiresAt: new Date(now.getTime() + CONFIRM_LINK_TTL_MS),
        newEmail: input.email,
        oldEmail: profile.email,
      },
      tx,
    );
    await auditSelf("EMAIL_CHANGE_REQUESTED", "SUCCESS", userId, request, undefined, tx);
  });
  sendEmailInBackground(
    emails.confirmNewAddressMessage(input.email, profile.firstName, emailLink("/confirm-email", token)),
  );
}

/**
 * The new address's link: the account moves to it, and the old address is told with a 7-day undo link.
 * Throws `accounts.link_invalid` (unknown, used, expired, or the address changed meanwhile) or
 * `accounts.email_in_use` (another account took the address since).
 */
export async function confirmEmailChange(
  token: string,
  request: RequestInfo,
  now = new Date(),
): Promise<string> {
  const undoToken = randomToken();
  const moved = await inTransaction(async (tx) => {
    const spent = await repo.spendEmailToken(keyedHash(CONFIRM_PURPOSE, token), "CHANGE_EMAIL", now, tx);
    if (!spent?.newEmail || !spent.oldEmail) throw new DomainError("accounts.link_invalid");
    const profile = await repo.findProfile(spent.userId);
    if (profile?.email !== spent.oldEmail || profile.status !== "ACTIVE") {
      throw new DomainError("accounts.link_invalid");
    }
    if (!(await repo.setEmail(spent.userId, spent.newEmail, now, tx)))
      throw new DomainError("accounts.email_in_use");
    await repo.insertEmailToken(
      {
        userId: spent.userId,
        purpose: "UNDO_EMAIL_CHANGE",
        tokenHash: keyedHash(UNDO_PURPOSE, undoToken),
        expiresAt: new Date(now.getTime() + UNDO_LINK_TTL_MS),
        newEmail: spent.newEmail,
        oldEmail: spent.oldEmail,
      },
      tx,
    );
    await auditSelf("EMAIL_CHANGED", "SUCCESS", spent.userId, request, undefined, tx);
    const { firstName, timeZone } = profile;
    return { firstName, timeZone, newEmail: spent.newEmail, oldEmail: spent.oldEmail };
  });
  sendEmailInBackground(
    emails.addressChangedMessage(
      moved.oldEmail,
      moved.firstName,
      moved.newEmail,
      { at: now, timeZone: moved.timeZone },
      emailLink("/undo-email-change", undoToken),
    ),
  );
  return moved.newEmail;
}

/**
 * The old address's undo link (7 days): the account's email goes back to it, every session ends, pending
 * changes are void, and a password reset starts; returns its token for the reset page.
 * Throws `accounts.link_invalid` or `accounts.email_in_use` (the old address was taken meanwhile).
 */
export async function undoEmailChange(
  token: string,
  request: RequestInfo,
  now = new Date(),
): Promise<string> {
  return inTransaction(async (tx) => {
    const spent = await repo.spendEmailToken(keyedHash(UNDO_PURPOSE, token), "UNDO_EMAIL_CHANGE", now, tx);
    if (!spent?.oldEmail) throw new DomainError("accounts.link_invalid");
    if (!(await repo.setEmail(spent.userId, spent.oldEmail, now, tx)))
      throw new DomainError("accounts.email_in_use");
    await repo.expireEmailTokens(spent.userId, "CHANGE_EMAIL", now, tx);
    await endAllSessions(spent.userId, now, tx);
    await auditSelf("EMAIL_CHANGE_UNDONE", "SUCCESS", spent.userId, request, undefined, tx);
    return issueResetToken(spent.userId, now, tx);
  });
}
