import { formatDateTime } from "@/lib/core/time-zone";
import type { EmailMessage } from "@/lib/messaging/messaging";

const SIGNATURE = "\n\n— Managed Access Gateway (MAG)";

/** To the account's address right after a recovery code opened a sign-in. */
export function recoveryUsedMessage(
  to: string,
  firstName: string,
  when: { at: Date; timeZone: string | null },
  codesLeft: number,
  support: string,
): EmailMessage {
  return {
    to,
    subject: "A recovery code was used to sign in to your MAG account",
    text: `Hello ${firstName},\n\nOn ${formatDateTime(when.at, when.timeZone)} someone signed in to your MAG account with your password and one of your recovery codes, because they could not use your phones. Every other session was signed out, and a new phone will replace the phones registered on your account. You have ${codesLeft} recovery code${codesLeft === 1 ? "" : "s"} left.\n\nIf this was not you, your password and a recovery code are known to someone else: reset your password now and contact MAG Customer Support at ${support}.${SIGNATURE}`,
  };
}

/** Texted to each phone the recovery will replace. */
export const RECOVERY_USED_TEXT =
  "A recovery code was used to sign in to your MAG account; this phone will be replaced. If this was not you, contact MAG support now.";
