import "server-only";
import type { EmailMessage, EmailSender, PhoneSender, SmsMessage, VoiceMessage } from "./messaging";
import { insertOutboxMessage } from "./repository";

/** The local provider: stores each message in the outbox table, read at /dev/outbox and by e2e tests. */
export const outboxSender: EmailSender & PhoneSender = {
  async sendEmail(m: EmailMessage) {
    await insertOutboxMessage({ channel: "email", to: m.to, subject: m.subject, body: m.text });
  },
  async sendSms(m: SmsMessage) {
    await insertOutboxMessage({ channel: "sms", to: m.to, body: m.body });
  },
  async placeCall(m: VoiceMessage) {
    await insertOutboxMessage({ channel: "voice", to: m.to, body: m.say });
  },
};
