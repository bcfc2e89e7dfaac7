import "server-only";
import { auditSelf } from "@/lib/audit/service";
import type { CurrentSession, RequestInfo } from "@/lib/core/caller";
import { hashesEqual, keyedHash } from "@/lib/core/crypto";
import { DomainError } from "@/lib/core/errors";
import { logger } from "@/lib/core/logger";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import { revokeCredentialsOfUser } from "@/lib/credentials/service";
import { sendEmailInBackground } from "@/lib/messaging/service";
import { revokeAllConnections } from "@/lib/oidc/connections";
import { hasCurrentSecondFactor } from "@/lib/phones/service";
import { endAllSessions, requireStepUp } from "@/lib/sessions/service";
import { accountClosedMessage } from "./closing-emails";
import { confirmCurrentPassword } from "./current-password";
import * as repo from "./repository";

// Closing an account (My Account › Your Data): its owner confirms with the password and, when the account has
// a phone OTP credential, a fresh phone code. Access ends at once; personal data is erased 30 days later
// (lib/privacy/erasure.ts), and signing in before then offers to reopen it.

export const ERASE_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const REOPEN_PURPOSE = "reopen-account";
/** The password was checked this recently when the owner chooses Reopen My Account. */
export const REOPEN_OFFER_TTL_MS = 10 * 60 * 1000;

export function erasureDate(closedAt: Date): Date {
  return new Date(closedAt.getTime() + ERASE_AFTER_DAYS * DAY_MS);
}

/**
 * Closes the signed-in user's account: every credential is revoked, every partner's access and every session
 * ends, and the owner is emailed. Throws `accounts.current_password_incorrect`, `auth.step_up_required` (a
 * phone OTP credential and no phone code in the last 20 minutes) or `accounts.staff_cannot_close`.
 */
export async function closeAccount(
  session: Pick<CurrentSession, "userId" | "role" | "otpAt">,
  currentPassword: string,
  request: RequestInfo,
  now = new Date(),
): Promise<Date> {
  if (session.role !== "USER") throw new DomainError("accounts.staff_cannot_close");
  const profile = await repo.findProfile(session.userId);
  if (!profile) throw new DomainError("auth.unauthenticated");
  if (await hasCurrentSecondFactor(session.userId, now)) requireStepUp(session, now);
  await confirmCurrentPassword(session.userId, currentPassword, request, "ACCOUNT_CLOSED");
  const revoked = await inTransaction(async (tx) => {
    if (!(await repo.markClosed(session.userId, now, tx))) throw new DomainError("auth.unauthenticated");
    const credentials = await revokeCredentialsOfUser(session.userId, tx);
    await endAllSessions(session.userId, now, tx);
    await auditSelf("ACCOUNT_CLOSED", "SUCCESS", session.userId, request, { credentials }, tx);
    return credentials;
  });
  // After the commit: the provider refuses a closed account's tokens anyway (lib/oidc/account.ts).
  const partners = await revokeAllConnections(session.userId);
  logger().info({ revoked, partners }, "account closed");
  sendEmailInBackground(
    accountClosedMessage(profile.email, profile.firstName, {
      at: erasureDate(now),
      timeZone: profile.timeZone,
    }),
  );
  return erasureDate(now);
}

/** The erasure job's part for the account itself (lib/privacy/erasure.ts), inside its transaction. */
export function eraseClosedProfile(userId: string, now: Date, tx: Tx): Promise<void> {
  return repo.eraseProfile(userId, now, tx);
}

/** The token a closed account's sign-in carries to the reopen offer: its password was just checked. */
export function issueReopenOffer(userId: string, now: Date): string {
  const body = `${userId}.${now.getTime().toString(36)}`;
  return `${body}.${keyedHash(REOPEN_PURPOSE, body)}`;
}

function reopenOfferAccount(token: string | undefined, now: Date): string | null {
  const [userId, issued, mac] = (token ?? "").split(".");
  if (!userId || !issued || !mac || !hashesEqual(mac, keyedHash(REOPEN_PURPOSE, `${userId}.${issued}`)))
    return null;
  const age = now.getTime() - parseInt(issued, 36);
  return age >= 0 && age <= REOPEN_OFFER_TTL_MS ? userId : null;
}

/** What the reopen page shows: when the closed account will be erased; null when the offer is not valid. */
export async function readReopenOffer(
  token: string | undefined,
  now = new Date(),
): Promise<{ erasesOn: Date } | null> {
  const userId = reopenOfferAccount(token, now);
  const profile = userId ? await repo.findProfile(userId) : null;
  if (!profile?.closedAt || profile.status !== "CLOSED") return null;
  return { erasesOn: erasureDate(profile.closedAt) };
}

/**
 * Reopen My Account: within 30 days of closing, the account is active again (its revoked credentials stay
 * revoked). Throws `accounts.reopen_expired` when the offer is stale or the account was erased.
 */
export async function reopenAccount(
  token: string | undefined,
  request: RequestInfo,
  now = new Date(),
): Promise<void> {
  const userId = reopenOfferAccount(token, now);
  const reopened =
    userId !== null &&
    (await inTransaction(async (tx) => {
      if (!(await repo.markReopened(userId, tx))) return false;
      await auditSelf("ACCOUNT_REOPENED", "SUCCESS", userId, request, undefined, tx);
      return true;
    }));
  if (!reopened) throw new DomainError("accounts.reopen_expired");
}
