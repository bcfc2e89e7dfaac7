import "server-only";
import { query } from "@/lib/core/sql";
import type { Tx } from "@/lib/core/transaction";
import { PHONE_RELEASE_DAYS, PHONE_RELEASE_NOTICE_DAYS } from "./credentials";

// Expiry reminders: which are due, and claiming one for sending so that two workers never send it twice.

/** The thresholds, in days before expiry. */
export const REMINDER_DAYS = [30, 7, 1] as const;

/**
 * Queues the release warning (a row at -60 days) for each expired, unrevoked purchased credential that still has
 * phones, between 60 and 90 days after its expiry. Existing rows stay as they are.
 */
export async function queueReleaseNotices(now: Date): Promise<number> {
  const rows = await query<{ count: string }>(
    "credential-reminders-queue-release",
    `WITH due AS (
       INSERT INTO credential_reminders ("credentialId", "expiresAt", "daysBefore", "sentAt", skipped)
       SELECT c.id, c."expiresAt", $2::int, NULL, false
       FROM credentials c
       WHERE c.kind = 'PURCHASED' AND c.status <> 'REVOKED'
         AND c."expiresAt" <= $1::timestamp - make_interval(days => $3::int)
         AND c."expiresAt" > $1::timestamp - make_interval(days => $4::int)
         AND EXISTS (SELECT 1 FROM phone_numbers p WHERE p."credentialId" = c.id)
       ON CONFLICT DO NOTHING
       RETURNING 1
     )
     SELECT count(*)::text AS count FROM due`,
    [now, -PHONE_RELEASE_NOTICE_DAYS, PHONE_RELEASE_NOTICE_DAYS, PHONE_RELEASE_DAYS],
  );
  return Number(rows[0]!.count);
}

/**
 * Adds a row for each threshold a live purchased credential has reached. Only the nearest threshold is sent:
 * the farther ones that are due at the same time (a credential bought 5 days before expiry, a worker down for
 * a week) are recorded as skipped. Existing rows stay as they are (the primary key).
 */
export async function queueDueReminders(now: Date): Promise<number> {
  const rows = await query<{ count: string }>(
    "credential-reminders-queue",
    `WITH due AS (
       INSERT INTO credential_reminders ("credentialId", "expiresAt", "daysBefore", "sentAt", skipped)
       SELECT c.id, c."expiresAt", t.days,
              CASE WHEN nearer.days IS NULL THEN NULL ELSE $1::timestamp END,
              nearer.days IS NOT NULL
       FROM credentials c
       CROSS JOIN unnest($2::int[]) AS t(days)
       LEFT JOIN LATERAL (
         SELECT min(n) AS days FROM unnest($2::int[]) AS n
         WHERE n < t.days AND c."expiresAt" <= $1::timestamp + make_interval(days => n)
       ) nearer ON nearer.days IS NOT NULL
       WHERE c.kind = 'PURCHASED' AND c.status <> 'REVOKED'
         AND c."expiresAt" > $1::timestamp AND c."expiresAt" <= $1::timestamp + make_interval(days => t.days)
       ON CONFLICT DO NOTHING
       RETURNING 1
     )
     SELECT count(*)::text AS count FROM due`,
    [now, [...REMINDER_DAYS]],
  );
  return Number(rows[0]!.count);
}

export type PendingReminder = {
  credentialId: string;
  expiresAt: Date;
  daysBefore: number;
  currentExpiresAt: Date;
  status: string;
  email: string;
  firstName: string;
  /** The user's time zone (null: UTC), which the email's dates are written in. */
  timeZone: string | null;
  productName: string;
  hasPhones: boolean;
};

/** Claims up to `take` unsent reminders for this transaction; rows another worker holds are skipped. */
export function claimPendingReminders(take: number, tx: Tx): Promise<PendingReminder[]> {
  return tx.$queryRaw<PendingReminder[]>`
    SELECT r."credentialId", r."expiresAt", r."daysBefore", c."expiresAt" AS "currentExpiresAt", c.status::text,
           u.email, u."firstName", u."timeZone", coalesce(p.name, 'MAG') AS "productName",
           EXISTS (SELECT 1 FROM phone_numbers ph WHERE ph."credentialId" = c.id) AS "hasPhones"
    FROM credential_reminders r
    JOIN credentials c ON c.id = r."credentialId"
    JOIN users u ON u.id = c."userId"
    LEFT JOIN products p ON p.id = c."productId"
    WHERE r."sentAt" IS NULL
    ORDER BY r."createdAt"
    LIMIT ${take}
    FOR UPDATE OF r SKIP LOCKED`;
}

export async function markReminder(
  reminder: { credentialId: string; expiresAt: Date; daysBefore: number },
  outcome: { at: Date; skipped: boolean },
  tx: Tx,
): Promise<void> {
  const { credentialId, expiresAt, daysBefore } = reminder;
  await tx.credentialReminder.update({
    where: { credentialId_expiresAt_daysBefore: { credentialId, expiresAt, daysBefore } },
    data: { sentAt: outcome.at, skipped: outcome.skipped },
    select: { credentialId: true },
  });
}
