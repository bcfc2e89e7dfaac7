import "server-only";
import { db, type Tx } from "@/lib/core/db";
import { query, type SqlValue } from "@/lib/core/sql";
import type { AuditResult, AuditType, Prisma } from "@/lib/generated/prisma/client";

export type AuditEventInput = {
  type: AuditType;
  result: AuditResult;
  actorId?: string | null;
  subjectUserId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  detail?: Prisma.InputJsonValue;
};

const AUDIT_COLUMNS = `type, result, "actorId", "subjectUserId", ip, "userAgent", detail, "createdAt"`;

function auditValues(event: AuditEventInput): SqlValue[] {
  return [
    event.type,
    event.result,
    event.actorId ?? null,
    event.subjectUserId ?? null,
    event.ip ?? null,
    event.userAgent ?? null,
    event.detail === undefined ? null : JSON.stringify(event.detail),
    new Date(),
  ];
}

/**
 * An audit row written by another repository's statement, as a data-modifying CTE: the row is added only
 * when the CTE named by `when` returned rows, so it commits with the change it records or not at all.
 */
export type AuditWrite = { values: SqlValue[]; cte: (firstParam: number, when: string) => string };

export function auditWrite(event: AuditEventInput): AuditWrite {
  return {
    values: auditValues(event),
    cte: (p, when) =>
      `audit AS (INSERT INTO audit_events (${AUDIT_COLUMNS})
       SELECT ${Array.from({ length: 8 }, (_, i) => `$${p + i}`).join(", ")}
       WHERE EXISTS (SELECT 1 FROM ${when}))`,
  };
}

export async function insertAuditEvent(event: AuditEventInput, tx?: Tx): Promise<void> {
  if (tx) {
    await tx.auditEvent.create({ data: event, select: { id: true } });
    return;
  }
  // Outside a transaction (every sign-in and OTP send or check): plain SQL (lib/core/sql.ts).
  await query(
    "audit-insert",
    `INSERT INTO audit_events (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    auditValues(event),
  );
}

export type AuditEventView = {
  id: string;
  type: AuditType;
  result: AuditResult;
  actorId: string | null;
  ip: string | null;
  createdAt: Date;
};

export async function listAuditEventsForUser(userId: string, take: number): Promise<AuditEventView[]> {
  const rows = await db().auditEvent.findMany({
    where: { subjectUserId: userId },
    orderBy: { id: "desc" },
    take,
    select: { id: true, type: true, result: true, actorId: true, ip: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
