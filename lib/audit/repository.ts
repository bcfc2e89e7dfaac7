import "server-only";
import { db, type Tx } from "@/lib/core/db";
import { query } from "@/lib/core/sql";
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

export async function insertAuditEvent(event: AuditEventInput, tx?: Tx): Promise<void> {
  if (tx) {
    await tx.auditEvent.create({ data: event, select: { id: true } });
    return;
  }
  // Outside a transaction (every sign-in and OTP send or check): plain SQL (lib/core/sql.ts).
  await query(
    "audit-insert",
    `INSERT INTO audit_events (type, result, "actorId", "subjectUserId", ip, "userAgent", detail, "createdAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      event.type,
      event.result,
      event.actorId ?? null,
      event.subjectUserId ?? null,
      event.ip ?? null,
      event.userAgent ?? null,
      event.detail === undefined ? null : JSON.stringify(event.detail),
      new Date(),
    ],
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
