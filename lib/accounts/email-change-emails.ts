import { formatDateTime } from "@/lib/core/time-zone";
import type { EmailMessage } from "@/lib/messaging/messaging";

const SIGNATURE = "\n\n— Managed Access Gateway (MAG)";

export function confirmNewAddressMessage(to: string, firstName: string, link: string): EmailMessage {
  return {
    to,
    subject: "Confirm your new email address",
    text: `Hello ${firstName},\n\nYou asked to use this address for your MAG account. Open this link and choose Confirm Email Address:\n\n${link}\n\nThe link works once, for 24 hours. Until then your account keeps its current address.${SIGNATURE}\nIf you did not ask for this, ignore this email.`,
  };
}

export function addressTakenMessage(to: string): EmailMessage {
  return {
    to,
    subject: "Someone tried to use this address for a MAG account",
    text: `Someone signed in to a MAG account asked to move it to this email address, which already belongs to a MAG account. Nothing was changed.\n\nIf this was you, sign in to your other account instead, or use another address.${SIGNATURE}`,
  };
}

export function addressChangedMessage(
  to: string,
  firstName: string,
  newEmail: string,
  when: { at: Date; timeZone: string | null },
  undoLink: string,
): EmailMessage {
  return {
    to,
    subject: "Your MAG email address was changed",
    text: `Hello ${firstName},\n\nThe email address of your MAG account was changed to ${newEmail} on ${formatDateTime(when.at, when.timeZone)}. Emails now go to that address.\n\nIf this wasn't you, open this link and choose Undo Email Change within 7 days: your account goes back to this address, every browser is signed out and you choose a new password.\n\n${undoLink}${SIGNATURE}`,
  };
}
