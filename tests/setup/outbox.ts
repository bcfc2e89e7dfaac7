import { vi } from "vitest";
import type { OutboxEntry } from "@/lib/messaging/messaging";
import { readOutbox } from "@/lib/messaging/service";

/** Messages to `to` in the local outbox, newest first. */
export async function outboxFor(to: string): Promise<OutboxEntry[]> {
  const entries = await readOutbox({ to });
  if (!entries) throw new Error("the local outbox is not active");
  return entries;
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
