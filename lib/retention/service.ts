import "server-only";
import { env } from "@/lib/core/env";
import { logger } from "@/lib/core/logger";
import { objectStore } from "@/lib/storage/object-store";
import { archiveOldestAuditRows, deletePastRetention, RETENTION_RULES, type AuditRow } from "./repository";

const DAY = 24 * 60 * 60_000;
const AUDIT_BATCH = 10_000;

/**
 * The daily retention run (docs/operations.md): deletes ended sessions and expired codes, tokens and sign-in
 * challenges a day after they end, finished jobs and local outbox messages after 7 days, failed jobs,
 * processed Stripe event ids, delivery reports and the keys of messages jobs sent after 30; archives audit rows older than
 * AUDIT_RETENTION_DAYS to the object store as CSV, then deletes them. Returns the counts.
 */
export async function runRetention(now = new Date()): Promise<Record<string, number>> {
  const cutoffs = {
    expiredBefore: new Date(now.getTime() - DAY),
    weekAgo: new Date(now.getTime() - 7 * DAY),
    monthAgo: new Date(now.getTime() - 30 * DAY),
  };
  const counts: Record<string, number> = {};
  for (const rule of RETENTION_RULES) counts[rule] = await deletePastRetention(rule, cutoffs);
  counts.audit_events_archived = await archiveAuditRows(now);
  logger().info({ counts }, "retention run");
  return counts;
}

async function archiveAuditRows(now: Date): Promise<number> {
  const before = new Date(now.getTime() - env().AUDIT_RETENTION_DAYS * DAY);
  const store = objectStore("audit-archive", env().AUDIT_ARCHIVE_DIR);
  let total = 0;
  for (;;) {
    const archived = await archiveOldestAuditRows(before, AUDIT_BATCH, (rows) =>
      store.put(archiveKey(rows), Buffer.from(auditCsv(rows))),
    );
    total += archived;
    if (archived < AUDIT_BATCH) return total;
  }
}

/** audit-2025-11-000000000101-000000000342.csv: the month of the first row and the id range. */
export function archiveKey(rows: AuditRow[]): string {
  const first = rows[0]!;
  const month = first.createdAt.toISOString().slice(0, 7);
  const pad = (id: bigint) => id.toString().padStart(12, "0");
  return `audit-${month}-${pad(first.id)}-${pad(rows[rows.length - 1]!.id)}.csv`;
}

const COLUMNS = [
  "id",
  "createdAt",
  "type",
  "result",
  "actorId",
  "subjectUserId",
  "ip",
  "userAgent",
  "detail",
] as const;

/** RFC 4180 CSV with a header row; detail as JSON text. */
export function auditCsv(rows: AuditRow[]): string {
  const cell = (value: AuditRow[keyof AuditRow]) => {
    if (value === null || value === undefined) return "";
    const text =
      value instanceof Date
        ? value.toISOString()
        : typeof value === "string" || typeof value === "bigint"
          ? value.toString()
          : JSON.stringify(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = rows.map((row) => COLUMNS.map((c) => cell(row[c])).join(","));
  return `${COLUMNS.join(",")}\r\n${lines.join("\r\n")}\r\n`;
}
