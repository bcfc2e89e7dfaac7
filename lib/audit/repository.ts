import "server-only";
import { db, type Tx } from "@/lib/core/db";
import { execute, type SqlStep, type SqlValue } from "@/lib/core/sql";
import { AuditType, type AuditResult, type Prisma } from "@/lib/generated/prisma/client";

/** Every kind of audit event, for the viewer's action filter. */
export const AUDIT_TYPES = Object.values(AuditType);

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

/** An audit row written by another repository's statement (a SqlStep): it commits with the change it records. */
export type AuditWrite = SqlStep;

export function auditWrite(event: AuditEventInput): AuditWrite {
  return {
    values: auditValues(event),
    cte: (p, when) =>
      `audit_${p} AS (INSERT INTO audit_events (${AUDIT_COLUMNS})
       SELECT ${Array.from({ length: 8 }, (_, i) => `$${p + i}`).join(", ")}
       WHERE EXISTS (SELECT 1 FROM ${when}))`,
  };
}

/** One audit row, in the caller's transaction when it has one (every sign-in and OTP check has none). */
export async function insertAuditEvent(event: AuditEventInput, tx?: Tx): Promise<void> {
  await execute(
    "audit-insert",
    `INSERT INTO audit_events (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    auditValues(event),
    tx,
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

/** A user's events of the given types, newest first, with their details. */
export function listUserEventsOfTypes(userId: string, types: AuditType[], take: number) {
  return db().auditEvent.findMany({
    where: { subjectUserId: userId, type: { in: types } },
    orderBy: { id: "desc" },
    take,
    select: { id: true, type: true, result: true, actorId: true, ip: true, detail: true, createdAt: true },
  });
}

export type AuditFilter = {
  subjectUserId?: string;
  actorId?: string;
  type?: AuditType;
  from?: Date;
  to?: Date;
};

export type AuditLogRow = AuditEventView & {
  subjectUserId: string | null;
  userAgent: string | null;
  detail: Prisma.JsonValue;
  subjectEmail: string | null;
  actorEmail: string | null;
};

/** Newest first, at most `take` rows, with the subject's and actor's email addresses. */
export async function searchAuditEvents(filter: AuditFilter, take: number): Promise<AuditLogRow[]> {
  const rows = await db().auditEvent.findMany({
    where: {
      subjectUserId: filter.subjectUserId,
      actorId: filter.actorId,
      type: filter.type,
      createdAt: { gte: filter.from, lt: filter.to },
    },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      type: true,
      result: true,
      actorId: true,
      subjectUserId: true,
      ip: true,
      userAgent: true,
      detail: true,
      createdAt: true,
    },
  });
  const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.subjectUserId]).filter((x): x is string => !!x))];
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  const email = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    ...r,
    id: r.id.toString(),
    subjectEmail: r.subjectUserId ? (email.get(r.subjectUserId) ?? null) : null,
    actorEmail: r.actorId ? (email.get(r.actorId) ?? null) : null,
  }));
}

/** The id of the account with this email address or user ID, for the viewer's filters. */
export async function findUserIdByLogin(login: string): Promise<string | null> {
  const user = await db().user.findFirst({
    where: { OR: [{ email: login.toLowerCase() }, { username: login.toLowerCase() }] },
    select: { id: true },
  });
  return user?.id ?? null;
}
