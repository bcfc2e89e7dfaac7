import "server-only";
import {
  DeliveryError,
  type EmailMessage,
  type EmailSender,
  type PhoneSender,
  type SentMessage,
  type SmsMessage,
  type VoiceMessage,
} from "./messaging";
import type { SqlStep } from "@/lib/core/sql";
import { insertOutboxMessage, outboxInsertStep } from "./repository";

/**
 * Magic numbers of the local provider (fictional +1 202 555 01xx range), for trying failures by hand and in
 * tests: the first fails as a provider outage would (retryable), the second is undeliverable.
 */
export const LOCAL_FAILING_NUMBER = "+12025550199";
export const LOCAL_UNDELIVERABLE_NUMBER = "+12025550198";

function refuseMagicNumbers(to: string) {
  if (to === LOCAL_FAILING_NUMBER) throw new DeliveryError("local provider: simulated outage", true);
  if (to === LOCAL_UNDELIVERABLE_NUMBER)
    throw new DeliveryError("local provider: undeliverable number", false);
}

/** The outbox sends no delivery reports: its messages have no provider id. */
const LOCAL: SentMessage = { providerId: null };

/** The local provider: stores each message in the outbox table, read at /dev/outbox and by e2e tests. */
export const outboxSender: EmailSender & PhoneSender = {
  async sendEmail(m: EmailMessage) {
    await insertOutboxMessage({
      channel: "email",
      to: m.to,
      subject: m.subject,
      body: m.text,
      attachments: m.attachments,
    });
  },
  async sendSms(m: SmsMessage) {
    refuseMagicNumbers(m.to);
    await insertOutboxMessage({ channel: "sms", to: m.to, body: m.body });
    return LOCAL;
  },
  async placeCall(m: VoiceMessage) {
    refuseMagicNumbers(m.to);
    await insertOutboxMessage({ channel: "voice", to: m.to, body: m.say });
    return LOCAL;
  },
};

/**
 * The local provider's text or call as a step of the caller's statement (the send is that outbox row), so a
 * code and its message are stored in one round trip. The magic numbers are refused here, before any write.
 */
export function outboxMessageStep(m: { channel: "sms" | "voice"; to: string; body: string }): SqlStep {
  refuseMagicNumbers(m.to);
  return outboxInsertStep(m);
}
