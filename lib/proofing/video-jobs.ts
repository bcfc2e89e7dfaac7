import "server-only";
import { env } from "@/lib/core/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendEmail } from "@/lib/messaging/service";
import * as codeRepo from "./activation-code-repository";
import * as appointmentRepo from "./appointment-repository";
import * as caseRepo from "./case-repository";
import {
  appointmentCancelled,
  appointmentConfirmation,
  appointmentReminder,
  codeExpiryReminder,
  meetingLinkMessage,
  proofingFailedMessage,
} from "./video-emails";

// Background jobs of live video proofing (lib/jobs runs them). Each checks the state first, so a job that
// outlived its reason (a cancelled appointment, a used code) sends nothing.

type Payload = Prisma.JsonValue;

const field = (payload: Payload, key: string): string => {
  const value = (payload as Record<string, unknown> | null)?.[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
};

const dashboardUrl = () => new URL("/dashboard", env().APP_URL).toString();

async function appointmentFor(payload: Payload) {
  const a = await appointmentRepo.findAppointment(field(payload, "appointmentId"));
  if (!a) return null;
  return { row: a, mail: { ...a, firstName: a.user.firstName } };
}

export async function sendAppointmentConfirmation(payload: Payload, now: Date): Promise<void> {
  const a = await appointmentFor(payload);
  if (a?.row.status !== "BOOKED") return;
  // A reschedule: the appointments it replaced leave the user's calendar with this same email.
  const ids = (payload as { replaces?: unknown } | null)?.replaces;
  const replaced = [];
  for (const id of Array.isArray(ids) ? ids : []) {
    const old = typeof id === "string" ? await appointmentFor({ appointmentId: id }) : null;
    if (old) replaced.push(old.mail);
  }
  await sendEmail(appointmentConfirmation(a.mail, env().SUPPORT_EMAIL, dashboardUrl(), now, replaced));
}

export async function sendAppointmentReminder(payload: Payload): Promise<void> {
  const a = await appointmentFor(payload);
  if (a?.row.status === "BOOKED") await sendEmail(appointmentReminder(a.mail));
}

export async function sendMeetingLink(payload: Payload): Promise<void> {
  const a = await appointmentFor(payload);
  if (a?.row.status === "BOOKED") await sendEmail(meetingLinkMessage(a.mail));
}

export async function sendAppointmentCancelled(payload: Payload, now: Date): Promise<void> {
  const a = await appointmentFor(payload);
  const given = field(payload, "reason");
  const reason = given === "no_show" || given === "credential_revoked" ? given : "cancelled";
  if (a) await sendEmail(appointmentCancelled(a.mail, reason, dashboardUrl(), env().SUPPORT_EMAIL, now));
}

export async function sendFailInstructions(payload: Payload): Promise<void> {
  const a = await appointmentFor(payload);
  if (a?.row.status === "FAILED" && a.row.failInstructions)
    await sendEmail(proofingFailedMessage(a.mail, a.row.failInstructions, dashboardUrl()));
}

export async function sendCodeExpiryReminder(payload: Payload, now: Date): Promise<void> {
  const code = await codeRepo.findActivationCode(field(payload, "codeId"));
  if (!code || code.usedAt || code.revokedAt || code.expiresAt <= now) return;
  const user = await caseRepo.findUserName(code.userId);
  await sendEmail(
    codeExpiryReminder({
      to: user.email,
      firstName: user.firstName,
      expiresAt: code.expiresAt,
      daysLeft: Number(field(payload, "daysLeft")),
      accountUrl: dashboardUrl(),
    }),
  );
}
