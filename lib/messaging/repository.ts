import "server-only";
import { db } from "@/lib/core/db";
import { query, type SqlStep } from "@/lib/core/sql";
import type { MessageChannel } from "@/lib/generated/prisma/client";
import type { EmailAttachment, OutboxChannel, OutboxEntry } from "./messaging";

const TO_DB: Record<OutboxChannel, MessageChannel> = { sms: "SMS", voice: "VOICE", email: "EMAIL" };
const FROM_DB: Record<MessageChannel, OutboxChannel> = { SMS: "sms", VOICE: "voice", EMAIL: "email" };

export async function insertOutboxMessage(m: {
  channel: OutboxChannel;
  to: string;
  subject?: string;
  body: string;
  attachments?: EmailAttachment[];
}) {
  // Every local text (each OTP send) lands here: plain SQL (lib/core/sql.ts).
  await query(
    "outbox-insert",
    `INSERT INTO outbox_messages (channel, "to", subject, body, attachments, "createdAt") VALUES ($1, $2, $3, $4, $5, $6)`,
    [TO_DB[m.channel], m.to, m.subject ?? null, m.body, JSON.stringify(m.attachments ?? []), new Date()],
  );
}

/** An outbox row (no subject, no attachments) inserted by the caller's statement when `when` has rows. */
export function outboxInsertStep(m: { channel: OutboxChannel; to: string; body: string }): SqlStep {
  return {
    values: [TO_DB[m.channel], m.to, m.body, new Date()],
    cte: (p, when) => `outbox_${p} AS (
        INSERT INTO outbox_messages (channel, "to", body, attachments, "createdAt")
        SELECT $${p}::"MessageChannel", $${p + 1}, $${p + 2}, '[]'::jsonb, $${p + 3}::timestamp WHERE EXISTS (SELECT 1 FROM ${when})
      )`,
  };
}

export async function listOutboxMessages(filter: { to?: string; take: number }): Promise<OutboxEntry[]> {
  const rows = await db().outboxMessage.findMany({
    where: filter.to ? { to: filter.to } : {},
    orderBy: { id: "desc" },
    take: filter.take,
    select: { channel: true, to: true, subject: true, body: true, attachments: true, createdAt: true },
  });
  return rows.map((r) => ({
    ...r,
    channel: FROM_DB[r.channel],
    attachments: r.attachments as EmailAttachment[],
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The cached lookup of a number, if checked after `since`. */
export function findLineCheck(fingerprint: string, since: Date) {
  return db().phoneLineCheck.findFirst({
    where: { fingerprint, checkedAt: { gt: since } },
    select: { lineType: true, simSwappedAt: true },
  });
}

/** Caches a carrier lookup, as a step of the caller's statement (made when `when` has rows). */
export function lineCheckStep(
  fingerprint: string,
  check: { lineType: string; simSwappedAt: Date | null },
  now: Date,
): SqlStep {
  return {
    values: [fingerprint, check.lineType, check.simSwappedAt, now],
    cte: (p, when) => `line_check_${p} AS (
        INSERT INTO phone_line_checks (fingerprint, "lineType", "simSwappedAt", "checkedAt")
        SELECT $${p}, $${p + 1}, $${p + 2}::timestamp, $${p + 3}::timestamp WHERE EXISTS (SELECT 1 FROM ${when})
        ON CONFLICT (fingerprint) DO UPDATE SET "lineType" = EXCLUDED."lineType",
          "simSwappedAt" = EXCLUDED."simSwappedAt", "checkedAt" = EXCLUDED."checkedAt"
      )`,
  };
}

/** Makes one of this module's steps as its own statement (`name`: one per kind of step). */
export async function runStep(name: string, step: SqlStep): Promise<void> {
  await query(name, `WITH always AS (SELECT 1), ${step.cte(1, "always")} SELECT 1`, step.values);
}

/** Statuses after which Twilio sends no further report that should replace them. */
const FINAL_STATUSES = [
  "delivered",
  "undelivered",
  "failed",
  "read",
  "completed",
  "busy",
  "no-answer",
  "canceled",
];

/**
 * Keeps the provider's latest delivery report for `sid`. Reports can arrive out of order (Twilio retries
 * them), so a final status (delivered, failed, …) is never replaced by an earlier one (queued, sent).
 */
export async function saveDeliveryReport(report: {
  sid: string;
  status: string;
  errorCode: string | null;
  at: Date;
}): Promise<void> {
  await query(
    "message-deliveries-upsert",
    `INSERT INTO message_deliveries AS d (sid, status, "errorCode", "updatedAt") VALUES ($1, $2, $3, $4)
     ON CONFLICT (sid) DO UPDATE SET status = EXCLUDED.status, "errorCode" = EXCLUDED."errorCode",
       "updatedAt" = EXCLUDED."updatedAt"
     WHERE NOT (d.status = ANY($5::text[]))`,
    [report.sid, report.status, report.errorCode, report.at, FINAL_STATUSES],
  );
}

export function findDeliveryReports(sids: string[]) {
  return db().messageDelivery.findMany({
    where: { sid: { in: sids } },
    select: { sid: true, status: true, errorCode: true, updatedAt: true },
  });
}

/** Whether a job's message with this key was sent already. */
export async function isMessageSent(key: string): Promise<boolean> {
  const rows = await query<{ found: boolean }>(
    "sent-messages-find",
    `SELECT EXISTS (SELECT 1 FROM sent_messages WHERE key = $1) AS found`,
    [key],
  );
  return rows[0]!.found;
}

export async function recordMessageSent(key: string, now: Date): Promise<void> {
  await query(
    "sent-messages-insert",
    `INSERT INTO sent_messages (key, "sentAt") VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
    [key, now],
  );
}
