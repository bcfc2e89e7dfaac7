import "server-only";
import type { Tx } from "@/lib/core/transaction";
import {
  auditWrite,
  insertAuditEvent,
  listAuditEventsForUser,
  type AuditEventInput,
  type AuditWrite,
} from "./repository";

export type { AuditEventInput, AuditEventView, AuditWrite } from "./repository";

/** Control characters (CR/LF log injection) are escaped; user agents are capped. */
function clean(value: string | null | undefined, max: number): string | null {
  if (!value) return null;
  return value
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .slice(0, max);
}

/**
 * Appends one audit row. Pass `tx` to write it in the same transaction as the change it records.
 * Never put a password, code, key or token in `detail`.
 */
export async function recordAudit(event: AuditEventInput, tx?: Tx): Promise<void> {
  await insertAuditEvent({ ...event, ip: clean(event.ip, 64), userAgent: clean(event.userAgent, 256) }, tx);
}

/**
 * The same audit row as `recordAudit`, for a repository to write in the statement that makes the change
 * (one round trip instead of two, and atomic with it, as `tx` gives for Prisma writes).
 */
export function auditInSameStatement(event: AuditEventInput): AuditWrite {
  return auditWrite({ ...event, ip: clean(event.ip, 64), userAgent: clean(event.userAgent, 256) });
}

export function recentAuditForUser(userId: string, take = 20) {
  return listAuditEventsForUser(userId, take);
}
