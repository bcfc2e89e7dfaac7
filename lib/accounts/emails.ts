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

export function passwordChangedMessage(to: string, firstName: string, when: Date): EmailMessage {
  return {
    to,
    subject: "Your password was changed",
    text: `Hello ${firstName},\n\nThe password of your MAG account was changed on ${when.toUTCString()}. All your sessions were signed out.\n\nIf this was not you, reset your password at once and contact support.${SIGNATURE}`,
  };
}
