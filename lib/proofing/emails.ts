import type { EmailMessage, SmsMessage } from "@/lib/messaging/messaging";
import { PROOFING_POLICY } from "./proofing";

/** NIST SP 800-63A §5.1.7: tell the user they were proofed, when, and how to say it was not them. */
export function proofingNoticeMessage(input: {
  to: string;
  firstName: string;
  decidedAt: Date;
  supportEmail: string;
}): EmailMessage {
  return {
    to: input.to,
    subject: "Your identity was verified for your MAG phone OTP credential",
    text: `Hello ${input.firstName},\n\nYour identity was verified through Self-Service Mobile Proofing on ${proofingTime(input.decidedAt)} for your phone one-time passcode credential.\n\nIf this was not you, someone else may be using your personal information. Contact MAG Customer Support right away at ${input.supportEmail} and do not register phones on this credential.\n\n— Managed Access Gateway (MAG)`,
  };
}

export function proofingLinkMessage(to: string, link: string): SmsMessage {
  return {
    to,
    body: `MAG identity proofing: open ${link} on this phone to capture your ID and a selfie. The link expires in ${PROOFING_POLICY.linkValidMinutes} minutes. If you did not ask for it, ignore this text.`,
  };
}

/** "Nov 29, 2026, 9:05 PM UTC": stated in UTC so the record means the same to everyone. */
export function proofingTime(at: Date): string {
  return `${at.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
