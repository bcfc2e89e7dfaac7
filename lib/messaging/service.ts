import "server-only";
import { env, isLocalOutboxActive, isLocalOutboxReadable, isTwilioConfigured } from "@/lib/core/env";
import { logger } from "@/lib/core/logger";
import type {
  EmailMessage,
  EmailSender,
  OutboxEntry,
  PhoneSender,
  SmsMessage,
  VoiceMessage,
} from "./messaging";
import { outboxSender } from "./outbox-sender";
import { listOutboxMessages } from "./repository";
import { createSmtpSender } from "./smtp-sender";
import { createTwilioSender } from "./twilio-sender";

export { DeliveryError } from "./messaging";

let emailSender: EmailSender | undefined;
let phoneSender: PhoneSender | undefined;

// Providers are chosen by configuration: SMTP_URL for email, TWILIO_* for texts and calls,
// and the local outbox for whichever is not configured.
function email(): EmailSender {
  if (!emailSender) {
    const { SMTP_URL, MAIL_FROM } = env();
    emailSender = SMTP_URL ? createSmtpSender(SMTP_URL, MAIL_FROM) : outboxSender;
  }
  return emailSender;
}

function phone(): PhoneSender {
  if (!phoneSender) {
    const e = env();
    phoneSender = isTwilioConfigured(e)
      ? createTwilioSender({
          accountSid: e.TWILIO_ACCOUNT_SID!,
          authToken: e.TWILIO_AUTH_TOKEN!,
          from: e.TWILIO_FROM_NUMBER!,
          apiBaseUrl: e.TWILIO_API_BASE_URL,
          statusCallback: e.APP_URL.startsWith("https://")
            ? new URL("/api/webhooks/twilio", e.APP_URL).toString()
            : undefined,
        })
      : outboxSender;
  }
  return phoneSender;
}

/** Sends an email; throws DeliveryError when the provider refuses or cannot be reached. */
export async function sendEmail(message: EmailMessage): Promise<void> {
  await email().sendEmail(message);
  logger().info({ channel: "email", subject: message.subject }, "message sent");
}

export async function sendSms(message: SmsMessage): Promise<void> {
  await phone().sendSms(message);
  logger().info({ channel: "sms" }, "message sent");
}

export async function placeVoiceCall(message: VoiceMessage): Promise<void> {
  await phone().placeCall(message);
  logger().info({ channel: "voice" }, "message sent");
}

export function isOutboxActive(): boolean {
  return isLocalOutboxActive();
}

/** The local outbox, newest first; only while every channel is local (see isLocalOutboxReadable). */
export async function readOutbox(filter: { to?: string; take?: number }): Promise<OutboxEntry[] | null> {
  if (!isLocalOutboxReadable()) return null;
  return listOutboxMessages({ to: filter.to, take: Math.min(filter.take ?? 50, 200) });
}
