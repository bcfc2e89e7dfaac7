import "server-only";
import { db } from "@/lib/core/db";
import type { Tx } from "@/lib/core/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";

// Live video proofing: agents' availability and the appointments booked with them.

export function listAvailability(agentId?: string) {
  return db().agentAvailability.findMany({
    where: { ...(agentId ? { agentId } : {}), agent: { role: "PROOFING_AGENT", status: "ACTIVE" } },
    select: { id: true, agentId: true, weekday: true, startMinute: true, endMinute: true, timeZone: true },
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
  });
}

export async function replaceAvailability(
  agentId: string,
  windows: { weekday: number; startMinute: number; endMinute: number; timeZone: string }[],
  tx: Tx,
): Promise<void> {
  await tx.agentAvailability.deleteMany({ where: { agentId } });
  await tx.agentAvailability.createMany({ data: windows.map((w) => ({ ...w, agentId })) });
}

export function listBookedBetween(from: Date, to: Date) {
  return db().appointment.findMany({
    where: { status: "BOOKED", startsAt: { gte: from, lte: to } },
    select: { agentId: true, startsAt: true },
  });
}

/** Cancels the case's booked appointments (a reschedule or an undone step); returns their ids. */
export async function cancelBookedAppointments(caseId: string, tx: Tx): Promise<string[]> {
  const booked = await tx.appointment.findMany({ where: { caseId, status: "BOOKED" }, select: { id: true } });
  if (booked.length === 0) return [];
  await tx.appointment.updateMany({
    where: { id: { in: booked.map((b) => b.id) } },
    data: { status: "CANCELLED", slotKey: null },
  });
  return booked.map((b) => b.id);
}

/** Cancels every booked appointment of the credential's cases (the credential was revoked); returns their ids. */
export async function cancelBookedAppointmentsOfCredential(credentialId: string, tx: Tx): Promise<string[]> {
  const booked = await tx.appointment.findMany({
    where: { status: "BOOKED", case: { credentialId } },
    select: { id: true },
  });
  if (booked.length === 0) return [];
  await tx.appointment.updateMany({
    where: { id: { in: booked.map((b) => b.id) } },
    data: { status: "CANCELLED", slotKey: null },
  });
  return booked.map((b) => b.id);
}

export type NewAppointment = {
  id: string;
  caseId: string;
  userId: string;
  agentId: string;
  startsAt: Date;
  endsAt: Date;
  userTimeZone: string;
  contactEmail: string;
  contactPhoneEncrypted: string;
  contactPhoneLastDigits: string;
  documents: string[];
  meetingProvider: string;
  meetingUrl: string;
};

/** Books the slot; false when another booking holds it (the unique slot key). */
export async function insertAppointment(data: NewAppointment, tx: Tx): Promise<boolean> {
  const slotKey = `${data.agentId}/${data.startsAt.toISOString()}`;
  const inserted = await tx.appointment.createMany({ data: [{ ...data, slotKey }], skipDuplicates: true });
  return inserted.count === 1;
}

const APPOINTMENT_SELECT = {
  id: true,
  caseId: true,
  userId: true,
  agentId: true,
  startsAt: true,
  endsAt: true,
  status: true,
  userTimeZone: true,
  contactEmail: true,
  contactPhoneEncrypted: true,
  contactPhoneLastDigits: true,
  documents: true,
  meetingUrl: true,
  failInstructions: true,
  decidedAt: true,
  user: { select: { firstName: true, lastName: true, email: true } },
  agent: { select: { firstName: true, lastName: true } },
  case: { select: { country: true, credentialId: true, status: true } },
} as const;

export type AppointmentRow = Prisma.AppointmentGetPayload<{ select: typeof APPOINTMENT_SELECT }>;

export function findAppointment(id: string, tx?: Tx): Promise<AppointmentRow | null> {
  return (tx ?? db()).appointment.findUnique({ where: { id }, select: APPOINTMENT_SELECT });
}

/** Whether `agentId` passed the case's live video session. */
export async function agentPassedCase(caseId: string, agentId: string): Promise<boolean> {
  return (await db().appointment.count({ where: { caseId, agentId, status: "PASSED" } })) > 0;
}

/** The agent who passed the case's live video session (the latest pass), or null. */
export async function findPassingAgent(
  caseId: string,
): Promise<{ id: string; email: string; firstName: string } | null> {
  const passed = await db().appointment.findFirst({
    where: { caseId, status: "PASSED" },
    orderBy: { decidedAt: "desc" },
    select: { agent: { select: { id: true, email: true, firstName: true } } },
  });
  return passed?.agent ?? null;
}

export function findBookedAppointment(caseId: string): Promise<AppointmentRow | null> {
  return db().appointment.findFirst({
    where: { caseId, status: "BOOKED" },
    select: APPOINTMENT_SELECT,
    orderBy: { startsAt: "asc" },
  });
}

export function listUserBookedAppointments(userId: string): Promise<AppointmentRow[]> {
  return db().appointment.findMany({
    where: { userId, status: "BOOKED" },
    select: APPOINTMENT_SELECT,
    orderBy: { startsAt: "asc" },
  });
}

export function listAgentAppointments(agentId: string, from: Date): Promise<AppointmentRow[]> {
  return db().appointment.findMany({
    where: { agentId, OR: [{ startsAt: { gte: from } }, { status: "BOOKED" }] },
    select: APPOINTMENT_SELECT,
    orderBy: { startsAt: "asc" },
    take: 100,
  });
}

/** Every agent's appointments starting in [from, to), soonest first (the admins' schedule). */
export function listAppointmentsBetween(from: Date, to: Date): Promise<AppointmentRow[]> {
  return db().appointment.findMany({
    where: { startsAt: { gte: from, lt: to } },
    select: APPOINTMENT_SELECT,
    orderBy: [{ startsAt: "asc" }, { agentId: "asc" }],
    take: 500,
  });
}

/** Closes a booked appointment with the agent's outcome; false when it was not booked any more. */
export async function closeAppointment(
  id: string,
  data: { status: "PASSED" | "FAILED" | "NO_SHOW"; checklist?: object; failInstructions?: string },
  now: Date,
  tx: Tx,
): Promise<boolean> {
  const { count } = await tx.appointment.updateMany({
    where: { id, status: "BOOKED" },
    data: { ...data, slotKey: null, decidedAt: now },
  });
  return count === 1;
}

export async function cancelAppointment(id: string, tx: Tx): Promise<boolean> {
  const { count } = await tx.appointment.updateMany({
    where: { id, status: "BOOKED" },
    data: { status: "CANCELLED", slotKey: null },
  });
  return count === 1;
}

export function findStaff(userId: string) {
  return db().user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, firstName: true, lastName: true },
  });
}
