import "server-only";
import { db, type Tx } from "@/lib/core/db";
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
  await (tx ?? db()).auditEvent.create({ data: event, select: { id: true } });
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
