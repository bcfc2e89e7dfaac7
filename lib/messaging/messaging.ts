// Types shared by every delivery provider.

/** How the outbox names a message's transport (its JSON API uses these words). */
export type OutboxChannel = "sms" | "voice" | "email";

export type EmailAttachment = { filename: string; contentType: string; content: string };
export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  attachments?: EmailAttachment[];
  /** The Message-ID header (without brackets): the same message sent twice carries the same one. */
  messageId?: string;
};
export type SmsMessage = { to: string; body: string };
/** `say` is read aloud by the voice provider; it must not hold anything but the message itself. */
export type VoiceMessage = { to: string; say: string };

export interface EmailSender {
  sendEmail(message: EmailMessage): Promise<void>;
}

/** What a provider says of a text or call it took: its id (Twilio's SID), which its delivery reports name. */
export type SentMessage = { providerId: string | null };

export interface PhoneSender {
  sendSms(message: SmsMessage): Promise<SentMessage>;
  placeCall(message: VoiceMessage): Promise<SentMessage>;
}

/** Delivery failed in a way the user can retry (provider down, timeout, refused number). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

export type OutboxEntry = {
  channel: OutboxChannel;
  to: string;
  subject: string | null;
  body: string;
  attachments: EmailAttachment[];
  createdAt: string;
};
