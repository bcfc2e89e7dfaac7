import { vi } from "vitest";
import type { OutboxEntry } from "@/lib/messaging/messaging";
import { listOutboxMessages } from "@/lib/messaging/repository";

/** Messages to `to` in the local outbox table, newest first (whether or not the portal lets anyone read it). */
export function outboxFor(to: string): Promise<OutboxEntry[]> {
  return listOutboxMessages({ to, take: 200 });
}

/** Waits for an email that is sent in the background (sendInBackground does not make the caller wait). */
export async function waitForEmail(to: string, subject: string): Promise<OutboxEntry> {
  return vi.waitFor(
    async () => {
      const found = (await outboxFor(to)).find((m) => m.channel === "email" && m.subject === subject);
      if (!found) throw new Error(`no email "${subject}" to ${to} yet`);
      return found;
    },
    { timeout: 5_000, interval: 20 },
  );
}

/** The token of the first link in an email body. */
export function linkToken(body: string): string {
  const url = body.match(/https?:\/\/\S+/)?.[0];
  const token = url ? new URL(url).searchParams.get("token") : null;
  if (!token) throw new Error(`no link with a token in:\n${body}`);
  return token;
}
