import "server-only";
import type { RequestInfo } from "@/lib/core/caller";
import type { Tx } from "@/lib/core/transaction";
import type { AuditFilterInput } from "./schemas";
import {
  AUDIT_TYPES,
  auditWrite,
  findUserIdByLogin,
  insertAuditEvent,
  listAuditEventsForUser,
  listUserEventsOfTypes,
  searchAuditEvents,
  type AuditEventInput,
  type AuditLogRow,
  type AuditWrite,
} from "./repository";

export type { AuditEventInput, AuditEventView, AuditLogRow, AuditWrite } from "./repository";

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

type AuditDetail = Record<string, string | number | boolean>;

/** A row of what a user did on their own account (`userId` is actor and subject). */
export function auditSelf(
  type: AuditEventInput["type"],
  result: AuditEventInput["result"],
  userId: string,
  request: RequestInfo,
  detail?: AuditDetail,
  tx?: Tx,
): Promise<void> {
  return recordAudit({ type, result, actorId: userId, subjectUserId: userId, ...request, detail }, tx);
}

/** A row of a staff action: who did it, to whom, from where, and the stated reason in `detail`. */
export function auditStaff(
  type: AuditEventInput["type"],
  actorId: string,
  subjectUserId: string,
  request: RequestInfo,
  detail: AuditDetail,
  tx?: Tx,
): Promise<void> {
  return recordAudit({ type, result: "SUCCESS", actorId, subjectUserId, ...request, detail }, tx);
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

export { AUDIT_TYPES };

/** A user's events of the given types, newest first, with their details (a credential's timeline reads them). */
export function userEventsOfTypes(userId: string, types: AuditEventInput["type"][], take = 500) {
  return listUserEventsOfTypes(userId, types, take);
}

const RISK_REASONS: Record<string, string> = {
  "phones.line_voip": "internet (VoIP) line, not registered",
  "phones.line_toll_free": "toll-free line, not registered",
  "phones.line_premium": "premium-rate or shared-cost line, not registered",
  "phones.line_voicemail": "voicemail line, not registered",
  "phones.line_pager": "pager, not registered",
  "phones.sms_to_landline": "landline: no text sent",
  "otp.sim_swap_recent": "SIM swapped or ported in the last 72 hours: no code sent",
};
const PURPOSES: Record<string, string> = {
  PHONE_CONFIRM: "adding a phone",
  SIGN_IN: "sign-in",
  STEP_UP: "confirming it's them",
};

/**
 * What the carrier lookup did on this user's sends, for support: each refusal with its reason, and each
 * failed lookup (the code then went out under the built-in rules). No phone number is shown.
 */
export async function phoneRiskEventsForUser(userId: string, take = 10) {
  const rows = await listUserEventsOfTypes(
    userId,
    ["PHONE_LINE_REFUSED", "PHONE_LOOKUP_FAILED", "PHONE_RISK_APPROVED"],
    take,
  );
  return rows.map((r) => {
    const detail = (r.detail ?? {}) as { reason?: string; purpose?: string; lineType?: string };
    const during = PURPOSES[detail.purpose ?? ""] ?? "a code";
    if (r.type === "PHONE_RISK_APPROVED")
      return {
        id: r.id.toString(),
        at: r.createdAt,
        label: "the user allowed one code from the emailed link",
      };
    const what =
      r.type === "PHONE_LOOKUP_FAILED"
        ? "carrier lookup failed or was slow: code sent under the built-in rules"
        : (RISK_REASONS[detail.reason ?? ""] ?? `refused (${detail.lineType ?? "unknown line"})`);
    return { id: r.id.toString(), at: r.createdAt, label: `${what} (${during})` };
  });
}

/** The codes sent to a user's phones, newest first: purpose, channel and the provider's SID from OTP_SENT. */
export async function codeSendsForUser(userId: string, take = 10) {
  const rows = await listUserEventsOfTypes(userId, ["OTP_SENT"], take);
  return rows.map((r) => {
    const detail = (r.detail ?? {}) as { purpose?: string; channel?: string; sid?: string | null };
    return {
      id: r.id.toString(),
      at: r.createdAt,
      purpose: PURPOSES[detail.purpose ?? ""] ?? "a code",
      channel: detail.channel === "VOICE" ? "Voice" : "Text",
      sid: detail.sid ?? null,
    };
  });
}

/** What the user reads on My Account › Security for each kind of event, by result. */
const SECURITY_EVENTS: Partial<Record<AuditEventInput["type"], Partial<Record<string, string>>>> = {
  SIGN_IN: { SUCCESS: "Signed in", FAILURE: "Sign-in refused (wrong password or locked)" },
  OTP_FAILED: { FAILURE: "Wrong phone code entered" },
  OTP_LOCKED: { FAILURE: "Phone codes locked after too many wrong ones", DENIED: "Phone codes locked" },
  PASSWORD_CHANGED: { SUCCESS: "Password changed" },
  PHONE_ADDED: { SUCCESS: "Phone added" },
  PHONE_REMOVED: { SUCCESS: "Phone removed" },
  PHONE_DEFAULT_CHANGED: { SUCCESS: "Default phone changed" },
  PHONES_RESET: { SUCCESS: "Phones reset by MAG Customer Support" },
  PHONES_RECOVERED: { SUCCESS: "Phones replaced after a recovery code" },
  RECOVERY_CODES_GENERATED: { SUCCESS: "New recovery codes made" },
  RECOVERY_CODE_USED: { SUCCESS: "Recovery code used to sign in", FAILURE: "Wrong recovery code entered" },
  SESSION_ENDED: { SUCCESS: "A session was signed out" },
  SESSIONS_REVOKED: { SUCCESS: "Signed out everywhere else" },
  SIGN_IN_REPORTED: { SUCCESS: "A sign-in reported as not you (that browser was signed out)" },
  EMAIL_CHANGE_REQUESTED: {
    SUCCESS: "Email address change asked for",
    FAILURE: "Email address change refused",
  },
  EMAIL_CHANGED: { SUCCESS: "Email address changed" },
  EMAIL_CHANGE_UNDONE: { SUCCESS: "Email address change undone" },
  DATA_EXPORTED: { SUCCESS: "Your data was downloaded" },
  ACCOUNT_REOPENED: { SUCCESS: "Account reopened" },
};

/**
 * The user's own recent security events, newest first, in words (My Account › Security): sign-ins, wrong codes,
 * password and phone changes, recovery codes. The user's own account only; no detail beyond the address.
 */
export async function securityEventsForUser(userId: string, take = 20) {
  const types = Object.keys(SECURITY_EVENTS) as AuditEventInput["type"][];
  const rows = await listUserEventsOfTypes(userId, types, take);
  return rows.flatMap((r) => {
    const label = SECURITY_EVENTS[r.type]?.[r.result];
    if (!label) return [];
    const bySupport = r.actorId !== null && r.actorId !== userId;
    return [{ id: r.id.toString(), at: r.createdAt, label, ip: r.ip, bySupport }];
  });
}

const VIEWER_LIMIT = 500;

/**
 * The audit log viewer (support and admins): filter by user and actor (email address or user ID), action and
 * dates (UTC, `to` inclusive). A user or actor that matches no account gives no rows rather than all rows.
 */
export async function searchAuditLog(input: AuditFilterInput): Promise<AuditLogRow[]> {
  const [subjectUserId, actorId] = await Promise.all(
    [input.user, input.actor].map((login) => (login ? findUserIdByLogin(login) : Promise.resolve(undefined))),
  );
  if (subjectUserId === null || actorId === null) return [];
  if (input.type && !(AUDIT_TYPES as string[]).includes(input.type)) return [];
  const to = input.to ? new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 24 * 60 * 60_000) : undefined;
  return searchAuditEvents(
    {
      subjectUserId,
      actorId,
      type: input.type as AuditLogRow["type"] | undefined,
      from: input.from ? new Date(`${input.from}T00:00:00Z`) : undefined,
      to,
    },
    VIEWER_LIMIT,
  );
}

/** A spreadsheet cell: quoted, and a leading = + - @ (a formula) neutralised with an apostrophe. */
function cell(value: string | null): string {
  const text = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** An audit row's detail as "key: value; …" for the viewer (a staff reason reads as written). */
export function auditDetailText(detail: AuditLogRow["detail"]): string {
  if (detail === null || typeof detail !== "object" || Array.isArray(detail)) return "";
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("; ");
}

/** The rows as CSV (RFC 4180, CRLF), for the viewer's Export CSV. */
export function auditLogCsv(rows: AuditLogRow[]): string {
  const header = ["time", "action", "result", "user", "actor", "ip", "user agent", "detail"];
  const lines = rows.map((r) =>
    [
      r.createdAt.toISOString(),
      r.type,
      r.result,
      r.subjectEmail ?? r.subjectUserId,
      r.actorEmail ?? r.actorId,
      r.ip,
      r.userAgent,
      r.detail === null ? "" : JSON.stringify(r.detail),
    ]
      .map(cell)
      .join(","),
  );
  return [header.map(cell).join(","), ...lines].join("\r\n") + "\r\n";
}
