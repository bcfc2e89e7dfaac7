import { formatDate } from "@/lib/core/time-zone";
import type { EmailMessage } from "@/lib/messaging/messaging";

export function accountClosedMessage(
  to: string,
  firstName: string,
  erasesOn: { at: Date; timeZone: string | null },
): EmailMessage {
  return {
    to,
    subject: "Your MAG account is closed",
    text: `Hello ${firstName},\n\nYour MAG account was closed. Your phone OTP credentials are revoked, partner applications can no longer sign you in, and every browser was signed out.\n\nYour personal data will be erased on ${formatDate(erasesOn.at, erasesOn.timeZone)}. Until then, signing in with your password offers to reopen the account.\n\nIf you did not close it, sign in now, reopen it, change your password and contact MAG Customer Support.\n\n— Managed Access Gateway (MAG)`,
  };
}
