import "server-only";
import { db } from "@/lib/core/db";

/** Rows deleted per statement: short transactions, no long locks on busy tables. */
const BATCH = 5_000;

/**
 * What the retention job deletes, table by table: rows no request can use any more (ended sessions, used or
 * expired codes, tokens and sign-in challenges) kept a day for support, and bookkeeping past its use.
 */
const RULES = {
  sessions: { where: `"expiresAt" < $1 OR "revokedAt" < $1`, cutoff: "expiredBefore" },
  email_tokens: { where: `"expiresAt" < $1`, cutoff: "expiredBefore" },
  one_time_codes: { where: `"expiresAt" < $1`, cutoff: "expiredBefore" },
  login_challenges: { where: `"expiresAt" < $1`, cutoff: "expiredBefore" },
  // Carrier lookups are used for a day (lib/messaging/service.ts).
  phone_line_checks: { where: `"checkedAt" < $1`, cutoff: "expiredBefore" },
  jobs: { where: `"doneAt" < $1`, cutoff: "weekAgo" },
  failed_jobs: { where: `"failedAt" < $1`, cutoff: "monthAgo", table: "jobs" },
  processed_stripe_events: { where: `"processedAt" < $1`, cutoff: "monthAgo" },
  outbox_messages: { where: `"createdAt" < $1`, cutoff: "weekAgo" },
  message_deliveries: { where: `"updatedAt" < $1`, cutoff: "monthAgo" },
  // A job is retried for at most a few hours: its sent-message keys are of no use after a month.
  sent_messages: { where: `"sentAt" < $1`, cutoff: "monthAgo" },
} satisfies Record<string, { where: string; cutoff: keyof Cutoffs; table?: string }>;

export type RetentionRule = keyof typeof RULES;
export type Cutoffs = { expiredBefore: Date; weekAgo: Date; monthAgo: Date };

/** Deletes the rows past retention under `rule`, in batches; returns how many. */
export async function deletePastRetention(rule: RetentionRule, cutoffs: Cutoffs): Promise<number> {
  const { where, cutoff } = RULES[rule];
  const table = "table" in RULES[rule] ? (RULES[rule] as { table: string }).table : rule;
  let total = 0;
  for (;;) {
    const deleted = await db().$executeRawUnsafe(
      `DELETE FROM "${table}" WHERE ctid IN (SELECT ctid FROM "${table}" WHERE ${where} LIMIT ${BATCH})`,
      cutoffs[cutoff],
    );
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

export const RETENTION_RULES = Object.keys(RULES) as RetentionRule[];

export type AuditRow = {
  id: bigint;
  type: string;
  result: string;
  actorId: string | null;
  subjectUserId: string | null;
  ip: string | null;
  userAgent: string | null;
  detail: unknown;
  createdAt: Date;
};

/**
 * Archives the oldest audit rows created before `before`, at most `take`: `write` gets them (it stores the
 * archive), then they are deleted in the same transaction, so a failed write deletes nothing. Returns the
 * rows archived.
 */
export async function archiveOldestAuditRows(
  before: Date,
  take: number,
  write: (rows: AuditRow[]) => Promise<void>,
): Promise<number> {
  return db().$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<AuditRow[]>`
        SELECT id, type::text, result::text, "actorId", "subjectUserId", ip, "userAgent", detail, "createdAt"
        FROM audit_events WHERE "createdAt" < ${before} ORDER BY id LIMIT ${take} FOR UPDATE`;
      if (rows.length === 0) return 0;
      await write(rows);
      // The trigger lets this transaction, and only it, delete audit rows (migration 20261201000000).
      await tx.$executeRaw`SELECT set_config('mag.audit_archiving', 'on', true)`;
      await tx.$executeRaw`DELETE FROM audit_events WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`;
      return rows.length;
    },
    { timeout: 60_000 },
  );
}
