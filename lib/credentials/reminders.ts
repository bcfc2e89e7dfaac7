import "server-only";
import { env } from "@/lib/core/env";
import { formatDate, zoneName } from "@/lib/core/time-zone";
import { inTransaction } from "@/lib/core/transaction";
import { sendEmail } from "@/lib/messaging/service";
import { PHONE_RELEASE_DAYS } from "./credentials";
import type { EmailMessage } from "@/lib/messaging/messaging";
import {
  claimPendingReminders,
  markReminder,
  queueDueReminders,
  queueReleaseNotices,
  type PendingReminder,
} from "./reminder-repository";

/** The day a credential expires, as the emails and the dashboard say it: in the user's zone, named. */
export function expiryDay(expiresAt: Date, timeZone: string | null): string {
  return `${formatDate(expiresAt, timeZone)} (${zoneName(timeZone)})`;
}

const DAY = 86_400_000;

/** Sixty days after expiry: the phones go at ninety unless the credential is renewed. */
function releaseNoticeMessage(r: PendingReminder, renew: string): EmailMessage {
  const releaseDay = expiryDay(new Date(r.expiresAt.getTime() + PHONE_RELEASE_DAYS * DAY), r.timeZone);
  return {
    to: r.email,
    subject: "Your expired MAG credential's phones will be released",
    text: `Hello ${r.firstName},\n\nYour credential ${r.productName} expired on ${expiryDay(r.expiresAt, r.timeZone)}. Its phone numbers will be released on ${releaseDay}: they will no longer receive your one-time passcodes, and a renewed or new credential will need its phones registered again.\n\nRenew before then to keep its phones and its identity proofing:\n${renew}\n\n— Managed Access Gateway (MAG)`,
  };
}

function reminderMessage(r: PendingReminder, now: Date): EmailMessage {
  const renew = new URL(`/store?renew=${r.credentialId}`, env().APP_URL).toString();
  if (r.daysBefore < 0) return releaseNoticeMessage(r, renew);
  const daysLeft = Math.ceil((r.expiresAt.getTime() - now.getTime()) / DAY);
  const when = daysLeft <= 1 ? "tomorrow" : `in ${daysLeft} days`;
  return {
    to: r.email,
    subject: `Your MAG credential expires ${when}`,
    text: `Hello ${r.firstName},\n\nYour credential ${r.productName} expires on ${expiryDay(r.expiresAt, r.timeZone)}.\n\nRenew it to keep it for another year, with its phones and its identity proofing:\n${renew}\n\nAfter it expires, its phones still protect your MAG sign-in, but partner applications no longer accept it as a second factor.\n\n— Managed Access Gateway (MAG)`,
  };
}

/**
 * The reminder run (a job, every hour): queues each threshold a credential has reached (30, 7 and 1 days before
 * expiry, and 60 days after it while it still has phones: they are released at 90), then sends what is
 * queued, one reminder per transaction holding its row (two workers never send one twice; a failed email
 * rolls back and the next run retries it). A reminder whose credential was renewed, revoked or has expired
 * meanwhile is dropped. Returns how many emails went out.
 */
export async function sendExpiryReminders(now = new Date()): Promise<number> {
  await queueDueReminders(now);
  await queueReleaseNotices(now);
  let sent = 0;
  for (;;) {
    const outcome = await inTransaction(async (tx) => {
      const [r] = await claimPendingReminders(1, tx);
      if (!r) return "none";
      // A warning before expiry is stale once it has passed; the release notice (after expiry) once released.
      const stale =
        r.status === "REVOKED" ||
        r.currentExpiresAt.getTime() !== r.expiresAt.getTime() ||
        (r.daysBefore > 0 ? r.expiresAt <= now : !r.hasPhones);
      if (!stale) await sendEmail(reminderMessage(r, now));
      await markReminder(r, { at: now, skipped: stale }, tx);
      return stale ? "dropped" : "sent";
    });
    if (outcome === "none") return sent;
    if (outcome === "sent") sent += 1;
  }
}
