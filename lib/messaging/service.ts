import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import {
  env,
  isLocalOutboxActive,
  isLocalOutboxReadable,
  isTwilioConfigured,
  type Env,
} from "@/lib/core/env";
import { logger } from "@/lib/core/logger";
import type { SqlStep } from "@/lib/core/sql";
import type {
  EmailMessage,
  EmailSender,
  OutboxEntry,
  PhoneSender,
  SentMessage,
  SmsMessage,
  VoiceMessage,
} from "./messaging";
import { outboxMessageStep, outboxSender } from "./outbox-sender";
import { localLineLookup, twilioLineLookup, type LineInfo, type LineLookup } from "./line-lookup";
import {
  findDeliveryReports,
  findLineCheck,
  isMessageSent,
  lineCheckStep,
  listOutboxMessages,
  recordMessageSent,
  runStep,
} from "./repository";
import { createSmtpSender } from "./smtp-sender";
import { createTwilioSender } from "./twilio-sender";

export { DeliveryError } from "./messaging";
export type { LineInfo } from "./line-lookup";
export type { SentMessage } from "./messaging";

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

/** The Twilio account the senders and the lookup use (isTwilioConfigured has checked it is complete). */
function twilioAccount(e: Env) {
  return {
    accountSid: e.TWILIO_ACCOUNT_SID!,
    authToken: e.TWILIO_AUTH_TOKEN!,
    apiBaseUrl: e.TWILIO_API_BASE_URL,
  };
}

function phone(): PhoneSender {
  if (!phoneSender) {
    const e = env();
    phoneSender = isTwilioConfigured(e)
      ? createTwilioSender({
          ...twilioAccount(e),
          from: e.TWILIO_FROM_NUMBER!,
          statusCallback: e.APP_URL.startsWith("https://")
            ? new URL("/api/webhooks/twilio", e.APP_URL).toString()
            : undefined,
        })
      : outboxSender;
  }
  return phoneSender;
}

/** The emails of one job run, numbered in the order it sends them (see inMessageScope). */
type MessageScope = { name: string; sent: number };
const messageScope = new AsyncLocalStorage<MessageScope>();

/**
 * Runs `work` (a one-off job, which sends the same emails in the same order each time it runs) so that each
 * email it sends is keyed `${name}#n`: a run after a crash skips those its first run sent, and each carries a
 * Message-ID made from its key, so the one that a crash right after sending would repeat is a duplicate that
 * mail systems recognise.
 */
export function inMessageScope<T>(name: string, work: () => Promise<T>): Promise<T> {
  return messageScope.run({ name, sent: 0 }, work);
}

/** Sends an email; throws DeliveryError when the provider refuses or cannot be reached. */
export async function sendEmail(message: EmailMessage): Promise<void> {
  const scope = messageScope.getStore();
  const key = scope ? `${scope.name}#${++scope.sent}` : null;
  if (key && (await isMessageSent(key))) {
    logger().info({ channel: "email", subject: message.subject, key }, "message already sent by this job");
    return;
  }
  const messageId = key ? `${key.replace(/[^\w.-]/g, "-")}@${new URL(env().APP_URL).hostname}` : undefined;
  await email().sendEmail({ ...message, messageId });
  if (key) await recordMessageSent(key, new Date());
  logger().info({ channel: "email", subject: message.subject }, "message sent");
}

/**
 * Sends an email without making the caller wait (nor telling it whether an account exists by the time taken);
 * a failure is logged, never thrown.
 */
export function sendEmailInBackground(message: EmailMessage): void {
  void sendEmail(message).catch((error: unknown) =>
    logger().error({ err: (error as Error).message, subject: message.subject }, "email delivery failed"),
  );
}

/** Sends a text; returns the provider's id for it, which its delivery reports name (null locally). */
export async function sendSms(message: SmsMessage): Promise<SentMessage> {
  const sent = await phone().sendSms(message);
  logger().info({ channel: "sms", sid: sent.providerId }, "message sent");
  return sent;
}

export async function placeVoiceCall(message: VoiceMessage): Promise<SentMessage> {
  const sent = await phone().placeCall(message);
  logger().info({ channel: "voice", sid: sent.providerId }, "message sent");
  return sent;
}

/**
 * With the local provider (demo mode), a text or call is one outbox row: returned as a step of the caller's
 * statement, so the code and its message are stored together. Null with a real provider, which the caller
 * sends through with sendSms / placeVoiceCall. Throws DeliveryError for the local failing numbers.
 */
export function phoneMessageStep(m: { channel: "sms" | "voice"; to: string; body: string }): SqlStep | null {
  if (phone() !== outboxSender) return null;
  return outboxMessageStep(m);
}

export function isOutboxActive(): boolean {
  return isLocalOutboxActive();
}

/** The local outbox, newest first; only while every channel is local (see isLocalOutboxReadable). */
export async function readOutbox(filter: { to?: string; take?: number }): Promise<OutboxEntry[] | null> {
  if (!isLocalOutboxReadable()) return null;
  return listOutboxMessages({ to: filter.to, take: Math.min(filter.take ?? 50, 200) });
}

let lineLookup: LineLookup | undefined;

/** Twilio Lookup when Twilio is configured; the local magic numbers otherwise (demo mode). */
function lookup(): LineLookup {
  if (!lineLookup) {
    const e = env();
    lineLookup = isTwilioConfigured(e) ? twilioLineLookup(twilioAccount(e)) : localLineLookup;
  }
  return lineLookup;
}

const LINE_CHECK_TTL_MS = 24 * 60 * 60_000;

/** Line checks made after this time are still used (callers that read the cache themselves). */
export function lineCheckFreshSince(now: Date): Date {
  return new Date(now.getTime() - LINE_CHECK_TTL_MS);
}

/** A carrier lookup: the line, and when it was asked just now, the step that keeps it (null when cached). */
export type CheckedLine = { line: LineInfo | null; keep: SqlStep | null };

/**
 * The carrier's view of a number (line type, last SIM swap), looked up at most once a day per number and kept
 * under its `fingerprint` only. A fresh lookup comes with `keep`, the write that caches it, for the caller's
 * own statement (the code's: one round trip) or `keepLineCheck`. Null line when the lookup failed or took
 * over 2 s: callers go on with the built-in number rules, so a lookup outage never blocks a sign-in.
 */
export async function checkLine(
  e164: string,
  fingerprint: string,
  now = new Date(),
  cachedCheck?: LineInfo | null,
): Promise<CheckedLine> {
  // `cachedCheck`: the caller read the cache already (null: nothing fresh there).
  const cached =
    cachedCheck === undefined ? await findLineCheck(fingerprint, lineCheckFreshSince(now)) : cachedCheck;
  if (cached) return { line: cached, keep: null };
  try {
    const line = await lookup().lookUp(e164, now);
    return { line, keep: lineCheckStep(fingerprint, line, now) };
  } catch (error) {
    logger().warn({ err: (error as Error).message }, "line lookup failed");
    return { line: null, keep: null };
  }
}

/** Makes checkLine's `keep` on its own (when no statement of the caller's follows, as on a refusal). */
export async function keepLineCheck(keep: SqlStep | null): Promise<void> {
  if (keep) await runStep("line-checks-keep", keep);
}

export type DeliveryReport = { status: string; errorCode: string | null; updatedAt: Date };

/** The providers' latest delivery reports for these message SIDs (those with none are left out). */
export async function deliveryReports(sids: string[]): Promise<Map<string, DeliveryReport>> {
  if (sids.length === 0) return new Map();
  const rows = await findDeliveryReports(sids);
  return new Map(rows.map(({ sid, ...report }) => [sid, report]));
}
