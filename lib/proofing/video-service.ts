import "server-only";
import { randomUUID } from "node:crypto";
import { encrypt } from "@/lib/core/crypto";
import { DomainError } from "@/lib/core/errors";
import { errorMessage } from "@/lib/errors/catalog";
import { logger } from "@/lib/core/logger";
import { recordAudit, auditSelf } from "@/lib/audit/service";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import { enqueueJob } from "@/lib/jobs/queue";
import { checkPhone } from "@/lib/phones/phones";
import type { RequestInfo } from "@/lib/core/caller";
import { nextStepOf, openCaseAt, saveStep, saveStepAlone } from "./case-steps";
import type { ProofingStep } from "./proofing";
import { meetingProvider } from "./meetings";
import * as codeRepo from "./activation-code-repository";
import * as appointmentRepo from "./appointment-repository";
import * as caseRepo from "./case-repository";
import type { BookAppointmentInput, CredentialStepInput, PickSlotInput } from "./schemas";
import { APPOINTMENT_JOBS, VIDEO_POLICY, freeSlots, type FreeSlot } from "./video";

// The applicant's side of live video proofing (user guide, "To complete the Live Video Proofing").

const MINUTE = 60_000;

export { APPOINTMENT_JOBS };

/** Step 1: the information is reviewed, with the name and proofing country. */
export async function reviewVideoProofing(
  userId: string,
  input: CredentialStepInput,
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "video");
  return { next: await saveStepAlone(current.id, "video", { videoReviewedAt: new Date() }) };
}

/** Step 2: "Verify my identity by meeting with an agent later" as the Proofing Service. */
export async function chooseAgentMeeting(
  userId: string,
  input: CredentialStepInput,
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "service");
  return { next: await saveStepAlone(current.id, "service", { videoServiceAt: new Date() }) };
}

/** Step 3: Schedule an Appointment, information reviewed, Continue. */
export async function reviewSchedule(
  userId: string,
  input: CredentialStepInput,
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "schedule");
  return { next: await saveStepAlone(current.id, "schedule", { scheduleReviewedAt: new Date() }) };
}

/** The calendar: free slots from every agent's availability, 2 hours to 14 days ahead. */
export async function listFreeSlots(now = new Date()): Promise<FreeSlot[]> {
  const [availability, booked] = await Promise.all([
    appointmentRepo.listAvailability(),
    appointmentRepo.listBookedBetween(
      now,
      new Date(now.getTime() + (VIDEO_POLICY.maxDaysAhead + 1) * 24 * 60 * MINUTE),
    ),
  ]);
  return freeSlots(availability, booked, now);
}

async function freeSlotAt(startsAt: Date, now: Date): Promise<FreeSlot | undefined> {
  return (await listFreeSlots(now)).find((s) => s.startsAt.getTime() === startsAt.getTime());
}

function slotTaken(): DomainError {
  return new DomainError("proofing.slot_taken", {
    fieldErrors: { startsAt: errorMessage("proofing.slot_taken") },
  });
}

/** Step 4: a date and time from the calendar (it must still be free). */
export async function pickSlot(
  userId: string,
  input: PickSlotInput,
  now = new Date(),
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "slot");
  const startsAt = new Date(input.startsAt);
  if (!(await freeSlotAt(startsAt, now))) throw slotTaken();
  return { next: await saveStepAlone(current.id, "slot", { slotStartsAt: startsAt }) };
}

/** The applicant's contact number: one a voice call reaches, else one a text reaches. */
function contactPhone(country: string, raw: string) {
  const voice = checkPhone(country, raw, "VOICE");
  const parsed = "problem" in voice ? checkPhone(country, raw, "SMS") : voice;
  if ("problem" in parsed)
    throw new DomainError("proofing.contact_phone_invalid", {
      fieldErrors: { phone: errorMessage("proofing.contact_phone_invalid") },
    });
  return parsed;
}

function createMeeting(
  meetings: ReturnType<typeof meetingProvider>,
  slot: { appointmentId: string; startsAt: Date; endsAt: Date },
) {
  return meetings
    .createMeeting({ ...slot, subject: "MAG live video identity proofing" })
    .catch((error: unknown) => {
      logger().warn({ err: (error as Error).message, provider: meetings.name }, "meeting not created");
      throw new DomainError("proofing.meeting_unavailable");
    });
}

/** The confirmation now, the reminder and the meeting link before the start (each at most once, as jobs). */
/** `replaces`: the appointments a reschedule cancelled, whose calendar entries the confirmation removes. */
async function queueAppointmentEmails(
  appointmentId: string,
  startsAt: Date,
  now: Date,
  tx: Tx,
  replaces: string[] = [],
) {
  const payload = { appointmentId };
  await enqueueJob(APPOINTMENT_JOBS.confirmation, { appointmentId, replaces }, { runAt: now }, tx);
  const reminderAt = new Date(startsAt.getTime() - VIDEO_POLICY.reminderBeforeMinutes * MINUTE);
  if (reminderAt > now) await enqueueJob(APPOINTMENT_JOBS.reminder, payload, { runAt: reminderAt }, tx);
  const linkAt = new Date(startsAt.getTime() - VIDEO_POLICY.meetingLinkBeforeMinutes * MINUTE);
  await enqueueJob(APPOINTMENT_JOBS.meetingLink, payload, { runAt: linkAt > now ? linkAt : now }, tx);
}

/**
 * Step 5, Confirm: books the picked slot with a free agent. The slot's unique key lets exactly one of any
 * number of concurrent bookings hold it; the others get a clear "taken" message. A booking made while another
 * is held (a reschedule) replaces it. Confirmation, reminder and meeting-link emails are queued with it.
 */
export async function bookAppointment(
  userId: string,
  input: BookAppointmentInput,
  request: RequestInfo,
  now = new Date(),
): Promise<{ appointmentId: string; startsAt: Date; next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "details");
  const parsed = contactPhone(current.country ?? "US", input.phone);
  const startsAt = current.slotStartsAt!;
  const slot = await freeSlotAt(startsAt, now);
  if (!slot) throw slotTaken();
  const endsAt = new Date(startsAt.getTime() + VIDEO_POLICY.slotMinutes * MINUTE);
  const id = randomUUID();
  const meetings = meetingProvider();
  const { joinUrl } = await createMeeting(meetings, { appointmentId: id, startsAt, endsAt });
  const booked = await inTransaction(async (tx) => {
    await caseRepo.lockCredential(current.credentialId, tx);
    const replaced = await appointmentRepo.cancelBookedAppointments(current.id, tx);
    let agentId: string | null = null;
    for (const candidate of slot.agentIds) {
      const ok = await appointmentRepo.insertAppointment(
        {
          id,
          caseId: current.id,
          userId,
          agentId: candidate,
          startsAt,
          endsAt,
          userTimeZone: input.timeZone,
          contactEmail: input.email,
          contactPhoneEncrypted: encrypt(parsed.e164),
          contactPhoneLastDigits: parsed.lastDigits,
          documents: input.documents,
          meetingProvider: meetings.name,
          meetingUrl: joinUrl,
        },
        tx,
      );
      if (ok) {
        agentId = candidate;
        break;
      }
    }
    if (!agentId) throw slotTaken();
    await saveStep(current.id, "details", { slotStartsAt: null }, tx);
    await queueAppointmentEmails(id, startsAt, now, tx, replaced);
    const detail = {
      caseId: current.id,
      appointmentId: id,
      agentId,
      startsAt: startsAt.toISOString(),
      replaced: replaced.length,
    };
    await auditSelf("APPOINTMENT_BOOKED", "SUCCESS", userId, request, detail, tx);
    return { appointmentId: id, startsAt };
  });
  return { ...booked, next: await nextStepOf(current.id) };
}

/** Cancels the booked appointment; the user picks another slot. */
export async function cancelMyAppointment(
  userId: string,
  input: CredentialStepInput,
  request: RequestInfo,
): Promise<{ next: ProofingStep }> {
  const current = await openCaseAt(userId, input.credentialId, "appointment");
  await inTransaction(async (tx) => {
    const cancelled = await appointmentRepo.cancelBookedAppointments(current.id, tx);
    for (const appointmentId of cancelled) {
      await enqueueJob(
        APPOINTMENT_JOBS.cancelled,
        { appointmentId, reason: "cancelled" },
        { runAt: new Date() },
        tx,
      );
      await auditSelf(
        "APPOINTMENT_CANCELLED",
        "SUCCESS",
        userId,
        request,
        { caseId: current.id, appointmentId },
        tx,
      );
    }
  });
  return { next: await nextStepOf(current.id) };
}

/**
 * A revoked credential's proofing stops: its booked appointments are cancelled (the applicant is emailed)
 * and its unused activation codes revoked, in the revocation's transaction.
 */
export async function stopProofingOfRevokedCredential(
  credentialId: string,
  actor: { userId: string; subjectUserId: string },
  request: RequestInfo,
  tx: Tx,
  now = new Date(),
) {
  const base = { actorId: actor.userId, subjectUserId: actor.subjectUserId, ...request };
  for (const appointmentId of await appointmentRepo.cancelBookedAppointmentsOfCredential(credentialId, tx)) {
    await enqueueJob(
      APPOINTMENT_JOBS.cancelled,
      { appointmentId, reason: "credential_revoked" },
      { runAt: now },
      tx,
    );
    await recordAudit(
      { type: "APPOINTMENT_CANCELLED", result: "SUCCESS", ...base, detail: { appointmentId, credentialId } },
      tx,
    );
  }
  const revoked = await codeRepo.revokeActivationCodes(credentialId, actor.userId, now, tx);
  if (revoked > 0) {
    await recordAudit(
      { type: "ACTIVATION_CODE_REVOKED", result: "SUCCESS", ...base, detail: { credentialId, revoked } },
      tx,
    );
  }
}

export type AppointmentView = {
  id: string;
  credentialId: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  meetingUrl: string;
  documents: string[];
  agentName: string;
};

function toView(a: appointmentRepo.AppointmentRow): AppointmentView {
  return {
    id: a.id,
    credentialId: a.case.credentialId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    timeZone: a.userTimeZone,
    meetingUrl: a.meetingUrl,
    documents: a.documents,
    agentName: `${a.agent.firstName} ${a.agent.lastName.slice(0, 1)}.`,
  };
}

/** The user's booked appointments, for the dashboard. */
export async function listMyAppointments(userId: string): Promise<AppointmentView[]> {
  return (await appointmentRepo.listUserBookedAppointments(userId)).map(toView);
}

export async function getMyAppointment(
  userId: string,
  credentialId: string,
): Promise<AppointmentView | null> {
  const credential = await caseRepo.findCredential(userId, credentialId);
  if (!credential) return null;
  const latest = await caseRepo.findLatestCase(credential.id);
  const booked = latest ? await appointmentRepo.findBookedAppointment(latest.id) : null;
  return booked ? toView(booked) : null;
}

/** The meeting page's appointment, for its applicant or its agent only. */
export async function getMeeting(userId: string, appointmentId: string) {
  const a = await appointmentRepo.findAppointment(appointmentId);
  if (!a || (a.userId !== userId && a.agentId !== userId)) return null;
  return {
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: a.status,
    applicant: `${a.user.firstName} ${a.user.lastName}`,
    agent: `${a.agent.firstName} ${a.agent.lastName}`,
    isAgent: a.agentId === userId,
    timeZone: a.userTimeZone,
  };
}
