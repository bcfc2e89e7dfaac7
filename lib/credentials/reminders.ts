import "server-only";
import { env } from "@/lib/core/env";
import { inTransaction } from "@/lib/core/transaction";
import { sendEmail } from "@/lib/messaging/service";
import type { EmailMessage } from "@/lib/messaging/messaging";
import {
  claimPendingReminders,
  markReminder,
  queueDueReminders,
  type PendingReminder,
} from "./reminder-repository";

/** The day a credential expires, as the emails and the dashboard say it. */
export function expiryDay(expiresAt: Date): string {
  return `${expiresAt.toISOString().slice(0, 10)} (UTC)`;
}

function reminderMessage(r: PendingReminder, now: Date): EmailMessage {
  const renew = new URL(`/store?renew=${r.credentialId}`, env().APP_URL).toString();
  const daysLeft = Math.ceil((r.expiresAt.getTime() - now.getTime()) / 86_400_000);
  const when = daysLeft <= 1 ? "tomorrow" : `in ${daysLeft} days`;
  return {
    to: r.email,
    subject: `Your MAG credential expires ${when}`,
    text: `Hello ${r.firstName},\n\nYour credential ${r.productName} expires on ${expiryDay(r.expiresAt)}.\n\nRenew it to keep it for another year, with its phones and its identity proofing:\n${renew}\n\nAfter it expires, its phones still protect your MAG sign-in, but partner applications no longer accept it as a second factor.\n\n— Managed Access Gateway (MAG)`,
  };
}

/**
 * The reminder run (a job, every hour): queues each threshold a credential has reached, then sends what is
 * queued, one reminder per transaction holding its row (two workers never send one twice; a failed email
 * rolls back and the next run retries it). A reminder whose credential was renewed, revoked or has expired
 * meanwhile is dropped. Returns how many emails went out.
 */
export async function sendExpiryReminders(now = new Date()): Promise<number> {
  await queueDueReminders(now);
  let sent = 0;
  for (;;) {
    const outcome = await inTransaction(async (tx) => {
      const [r] = await claimPendingReminders(1, tx);
      if (!r) return "none";
      const stale =
        r.status === "REVOKED" ||
        r.currentExpiresAt.getTime() !== r.expiresAt.getTime() ||
        r.expiresAt <= now;
      if (!stale) await sendEmail(reminderMessage(r, now));
      await markReminder(r, { at: now, skipped: stale }, tx);
      return stale ? "dropped" : "sent";
    });
    if (outcome === "none") return sent;
    if (outcome === "sent") sent += 1;
  }
}
