import { formatDateTime } from "@/lib/core/time-zone";
import type { EmailMessage } from "@/lib/messaging/messaging";

const SIGNATURE = "\n\n— Managed Access Gateway (MAG)\nIf you did not expect this email, you can ignore it.";

export function verifyEmailMessage(to: string, firstName: string, link: string): EmailMessage {
  return {
    to,
    subject: "Verify your email address",
    text: `Hello ${firstName},\n\nPlease verify your email address to finish creating your MAG account:\n\n${link}\n\nThis link is valid for 24 hours.${SIGNATURE}`,
  };
}

export function alreadyRegisteredMessage(to: string, signInLink: string, resetLink: string): EmailMessage {
  return {
    to,
    subject: "You already have a MAG account",
    text: `Someone tried to create a MAG account with this email address, which already has one.\n\nSign in: ${signInLink}\nForgot your password? ${resetLink}${SIGNATURE}`,
  };
}

export function resetPasswordMessage(to: string, firstName: string, link: string): EmailMessage {
  return {
    to,
    subject: "Reset your password",
    text: `Hello ${firstName},\n\nUse this link to choose a new password for your MAG account:\n\n${link}\n\nThis link is valid for 1 hour and works once. Resetting your password signs you out everywhere.${SIGNATURE}`,
  };
}

export function phoneApprovalMessage(
  to: string,
  firstName: string,
  phone: string,
  link: string,
  support: string,
): EmailMessage {
  return {
    to,
    subject: "Allow a code to your phone?",
    text: `Hello ${firstName},\n\nSomeone signing in to your MAG account asked for a code to your phone ${phone}. Your mobile carrier reports that this phone's SIM card was changed or moved to another carrier in the last 72 hours, which is how phone numbers are taken over, so we did not send the code.\n\nIf you changed your SIM or carrier yourself and are signing in now, open this link to allow one code to that phone:\n\n${link}\n\nThe link works once, for 30 minutes. If this was not you, do not open it: your password is known to someone else. Change it, and tell us at ${support}.${SIGNATURE}`,
  };
}

export function passwordChangedMessage(
  to: string,
  firstName: string,
  when: { at: Date; timeZone: string | null },
): EmailMessage {
  return {
    to,
    subject: "Your password was changed",
    text: `Hello ${firstName},\n\nThe password of your MAG account was changed on ${formatDateTime(when.at, when.timeZone)}. All your sessions were signed out.\n\nIf this was not you, reset your password at once and contact support.${SIGNATURE}`,
  };
}

export function newDeviceMessage(
  to: string,
  firstName: string,
  sign: { device: string; ip: string; at: Date; timeZone: string | null; link: string },
): EmailMessage {
  return {
    to,
    subject: "New sign-in to your MAG account",
    text: `Hello ${firstName},\n\nYour MAG account was signed in to from a browser that has not signed in before:\n\n${sign.device}, from ${sign.ip}, on ${formatDateTime(sign.at, sign.timeZone)}.\n\nIf this was you, there is nothing to do.\n\nIf this wasn't you, open this link and choose This wasn't me: it signs that browser out and lets you choose a new password.\n\n${sign.link}\n\nThe link works once, for 7 days.\n\n— Managed Access Gateway (MAG)`,
  };
}
