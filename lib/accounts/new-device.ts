import "server-only";
import { auditSelf } from "@/lib/audit/service";
import type { RequestInfo } from "@/lib/core/caller";
import { keyedHash, randomToken } from "@/lib/core/crypto";
import { DomainError } from "@/lib/core/errors";
import { inTransaction } from "@/lib/core/transaction";
import { sendEmailInBackground } from "@/lib/messaging/service";
import { knownDeviceAccount } from "@/lib/sessions/known-device";
import { endSessionOf, signedInBefore } from "@/lib/sessions/service";
import { describeUserAgent } from "@/lib/sessions/user-agent";
import { newDeviceMessage } from "./emails";
import { emailLink } from "./links";
import * as repo from "./repository";
import { issueResetToken } from "./reset-link";

// A sign-in from a browser without the account's device cookie (lib/sessions/known-device.ts) is emailed to
// the owner with "This wasn't me", which ends that session and starts a password reset (GitHub, Google).

const REPORT_PURPOSE = "report-sign-in";
/** The link outlives the session it names (12 hours at most): a late report still starts the reset. */
export const REPORT_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Emails the owner when `sessionId` was opened by a browser that has not signed in to the account before.
 * The account's very first sign-in is not news to its owner and is not emailed.
 */
export async function noticeSignInFromNewDevice(
  sign: { userId: string; sessionId: string; deviceToken: string | undefined },
  request: RequestInfo,
  now: Date,
): Promise<void> {
  if (knownDeviceAccount(sign.deviceToken, now) === sign.userId) return;
  if (!(await signedInBefore(sign.userId, sign.sessionId))) return;
  const profile = await repo.findProfile(sign.userId);
  if (!profile) return;
  const token = randomToken();
  await repo.insertEmailToken({
    userId: sign.userId,
    purpose: "REPORT_SIGN_IN",
    tokenHash: keyedHash(REPORT_PURPOSE, token),
    expiresAt: new Date(now.getTime() + REPORT_LINK_TTL_MS),
    sessionId: sign.sessionId,
  });
  const link = emailLink("/this-wasnt-me", token);
  sendEmailInBackground(
    newDeviceMessage(profile.email, profile.firstName, {
      device: describeUserAgent(request.userAgent),
      ip: request.ip ?? "an unknown address",
      at: now,
      timeZone: profile.timeZone,
      link,
    }),
  );
}

/**
 * "This wasn't me": spends the link, ends the session it names and starts a password reset (the link proves
 * the mailbox, as a reset email would). Returns the reset token for the caller to open the reset page with.
 * Throws `accounts.link_invalid` for an unknown, used or expired link.
 */
export async function reportSignIn(token: string, request: RequestInfo, now = new Date()): Promise<string> {
  const resetToken = await inTransaction(async (tx) => {
    const spent = await repo.spendEmailToken(keyedHash(REPORT_PURPOSE, token), "REPORT_SIGN_IN", now, tx);
    if (!spent) return null;
    const sessionId = spent.sessionId ?? "";
    const ended = sessionId ? await endSessionOf(spent.userId, sessionId, now, tx) : false;
    await auditSelf("SIGN_IN_REPORTED", "SUCCESS", spent.userId, request, { sessionId, ended }, tx);
    return issueResetToken(spent.userId, now, tx);
  });
  if (!resetToken) throw new DomainError("accounts.link_invalid");
  return resetToken;
}
