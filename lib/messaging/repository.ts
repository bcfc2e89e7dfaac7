import "server-only";
import { db } from "@/lib/core/db";
import type { MessageChannel } from "@/lib/generated/prisma/client";
import type { Channel, EmailAttachment, OutboxEntry } from "./messaging";

const TO_DB: Record<Channel, MessageChannel> = { sms: "SMS", voice: "VOICE", email: "EMAIL" };
const FROM_DB: Record<MessageChannel, Channel> = { SMS: "sms", VOICE: "voice", EMAIL: "email" };

export async function insertOutboxMessage(m: {
  channel: Channel;
  to: string;
  subject?: string;
  body: string;
  attachments?: EmailAttachment[];
}) {
  await db().outboxMessage.create({
    data: {
      channel: TO_DB[m.channel],
      to: m.to,
      subject: m.subject ?? null,
      body: m.body,
      attachments: m.attachments ?? [],
    },
    select: { id: true },
  });
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
