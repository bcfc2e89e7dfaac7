import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { countryName } from "@/lib/accounts/countries";
import { decrypt } from "@/lib/core/crypto";
import { DomainError } from "@/lib/core/errors";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import { enqueueJob } from "@/lib/jobs/queue";
import type { CurrentSession, RequestInfo } from "@/lib/core/caller";
import { requireStepUp } from "@/lib/sessions/service";
import { issueActivationCode } from "./activation-service";
import * as codeRepo from "./activation-code-repository";
import * as appointmentRepo from "./appointment-repository";
import * as caseRepo from "./case-repository";
import type { RecordOutcomeInput, ReissueCodeInput, SetAvailabilityInput } from "./schemas";
import { APPOINTMENT_JOBS } from "./video-service";
import { EVIDENCE_OPTIONS, IDENTITY_DOCUMENTS, canPass, type IdentityDocument } from "./video";

// The proofing agent's side: availability, appointments, and the session's outcome.

export const FAIL_INSTRUCTIONS_JOB = "appointment.fail_instructions";

export async function getAgentAvailability(agentId: string) {
  return appointmentRepo.listAvailability(agentId);
}

/** Replaces the agent's weekly windows (audited); booked appointments stay as they are. */
export async function setAgentAvailability(
  agentId: string,
  input: SetAvailabilityInput,
  request: RequestInfo,
) {
  await inTransaction(async (tx) => {
    await appointmentRepo.replaceAvailability(
      agentId,
      input.windows.map((w) => ({ ...w, timeZone: input.timeZone })),
      tx,
    );
    const detail = { windows: input.windows.length, timeZone: input.timeZone };
    await recordAudit(
      { type: "AGENT_AVAILABILITY_CHANGED", result: "SUCCESS", actorId: agentId, ...request, detail },
      tx,
    );
  });
}

export type AgentAppointmentView = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  applicantName: string;
  country: string;
  documents: string[];
  meetingUrl: string;
  contactPhoneLastDigits: string;
  failInstructions: string | null;
  credentialId: string;
};

function toAgentView(a: appointmentRepo.AppointmentRow): AgentAppointmentView {
  return {
    id: a.id,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: a.status,
    applicantName: `${a.user.firstName} ${a.user.lastName}`,
    country: countryName(a.case.country ?? ""),
    documents: a.documents.map((d) => IDENTITY_DOCUMENTS[d as IdentityDocument] ?? d),
    meetingUrl: a.meetingUrl,
    contactPhoneLastDigits: a.contactPhoneLastDigits,
    failInstructions: a.failInstructions,
    credentialId: a.case.credentialId,
  };
}

/** The agent's own booked and upcoming appointments; never anyone else's. */
export async function listAgentAppointments(
  agentId: string,
  now = new Date(),
): Promise<AgentAppointmentView[]> {
  const since = new Date(now.getTime() - 24 * 60 * 60_000);
  return (await appointmentRepo.listAgentAppointments(agentId, since)).map(toAgentView);
}

/** The agent's open requests for a new activation code (from applicants they passed), oldest first. */
export async function listCodeRequests(agentId: string) {
  return (await codeRepo.listOpenCodeRequests(agentId)).map((r) => ({
    id: r.id,
    credentialId: r.credentialId,
    requestedAt: r.createdAt,
    applicantName: `${r.credential.user.firstName} ${r.credential.user.lastName}`,
  }));
}

/** How far ahead the admins' schedule looks: as far as applicants can book. */
export const SCHEDULE_DAYS = 14;

export type ScheduledAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  agentName: string;
  applicantName: string;
  applicantId: string;
  /** The zone the applicant booked in, for their local time beside UTC. */
  applicantTimeZone: string;
};

/**
 * Every agent's appointments from the start of today (UTC) to 14 days ahead, soonest first: who meets whom,
 * when. Only names: documents, contact details and meeting links stay on each agent's own page.
 */
export async function listScheduledAppointments(now = new Date()): Promise<ScheduledAppointment[]> {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const to = new Date(from.getTime() + (SCHEDULE_DAYS + 1) * 24 * 60 * 60_000);
  return (await appointmentRepo.listAppointmentsBetween(from, to)).map((a) => ({
    id: a.id,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: a.status,
    agentName: `${a.agent.firstName} ${a.agent.lastName}`,
    applicantName: `${a.user.firstName} ${a.user.lastName}`,
    applicantId: a.userId,
    applicantTimeZone: a.userTimeZone,
  }));
}

async function ownAppointment(
  agentId: string,
  appointmentId: string,
): Promise<appointmentRepo.AppointmentRow> {
  const found = await appointmentRepo.findAppointment(appointmentId);
  if (!found || found.agentId !== agentId) throw new DomainError("proofing.appointment_not_found");
  return found;
}

/**
 * One of the agent's own appointments. The applicant's name, country and declared documents are identity
 * evidence: with `request`, the view is audited (IDENTITY_EVIDENCE_VIEWED), and then it also says how to reach
 * the applicant (the full phone number and email address they gave), since the agent calls them when needed.
 */
export async function getAgentAppointment(
  agentId: string,
  appointmentId: string,
  request?: RequestInfo,
): Promise<AgentAppointmentView & { contact?: { phone: string; email: string } }> {
  const appointment = await ownAppointment(agentId, appointmentId);
  if (!request) return toAgentView(appointment);
  await recordAudit({
    type: "IDENTITY_EVIDENCE_VIEWED",
    result: "SUCCESS",
    actorId: agentId,
    subjectUserId: appointment.userId,
    ...request,
    detail: { view: "agent appointment page", appointmentId, contact: true },
  });
  const contact = { phone: decrypt(appointment.contactPhoneEncrypted), email: appointment.contactEmail };
  return { ...toAgentView(appointment), contact };
}

export type Outcome = { outcome: "PASS"; code: string; expiresAt: Date } | { outcome: "FAIL" | "NO_SHOW" };

/**
 * Records the session's outcome. Pass (an accepted kind of evidence and Yes to every question) closes the case
 * and returns the activation code, shown to the agent this once. Fail closes the case and emails the agent's
 * instructions. No-show (only once the appointment started) sends the user back to the calendar.
 */
export async function recordOutcome(
  agent: Pick<CurrentSession, "userId" | "otpAt">,
  input: RecordOutcomeInput,
  request: RequestInfo,
  now = new Date(),
): Promise<Outcome> {
  const agentId = agent.userId;
  // A pass issues an activation code: it gives someone a credential, so it needs the agent's step-up.
  if (input.outcome === "PASS") requireStepUp(agent, now);
  const appointment = await ownAppointment(agentId, input.appointmentId);
  if (appointment.status !== "BOOKED") throw new DomainError("proofing.appointment_closed");
  const base = { actorId: agentId, subjectUserId: appointment.userId, ...request };
  const caseId = appointment.caseId;
  refuseImpossibleOutcome(input, appointment.startsAt, now);

  return inTransaction(async (tx): Promise<Outcome> => {
    await caseRepo.lockCredential(appointment.case.credentialId, tx);
    await closeAppointment(appointment.id, input, now, tx);
    const detail = { caseId, appointmentId: appointment.id, method: "LIVE_VIDEO" };
    if (input.outcome === "NO_SHOW") {
      await reopenCalendar(caseId, appointment.id, now, tx);
      await recordAudit({ type: "APPOINTMENT_NO_SHOW", result: "FAILURE", ...base, detail }, tx);
      return { outcome: "NO_SHOW" };
    }
    const evidence = {
      method: "LIVE_VIDEO",
      evidence: input.evidence ? EVIDENCE_OPTIONS[input.evidence] : "",
      agentId,
      appointmentId: appointment.id,
    };
    const decided = await caseRepo.decideCase(
      caseId,
      input.outcome === "PASS"
        ? { status: "PASSED", evidence }
        : { status: "FAILED", failureReason: "live_video_failed", evidence },
      now,
      tx,
    );
    if (!decided) throw new DomainError("proofing.decided");
    if (input.outcome === "FAIL") {
      await enqueueJob(FAIL_INSTRUCTIONS_JOB, { appointmentId: appointment.id }, { runAt: now }, tx);
      await recordAudit({ type: "PROOFING_FAILED", result: "FAILURE", ...base, detail }, tx);
      return { outcome: "FAIL" };
    }
    const issued = await issueActivationCode(
      {
        caseId,
        credentialId: appointment.case.credentialId,
        userId: appointment.userId,
        issuedById: agentId,
      },
      now,
      tx,
    );
    await recordAudit({ type: "PROOFING_PASSED", result: "SUCCESS", ...base, detail }, tx);
    await recordAudit({ type: "ACTIVATION_CODE_ISSUED", result: "SUCCESS", ...base, detail }, tx);
    return { outcome: "PASS", ...issued };
  });
}

/** Pass needs accepted evidence and Yes to every question, Fail needs instructions, No-show a started slot. */
function refuseImpossibleOutcome(input: RecordOutcomeInput, startsAt: Date, now: Date) {
  if (input.outcome === "PASS" && !canPass(input.evidence, input.answers))
    throw new DomainError("proofing.cannot_pass");
  if (input.outcome === "FAIL" && input.instructions.length < 10)
    throw new DomainError("proofing.instructions_required", {
      fieldErrors: { instructions: "Write at least a sentence of instructions." },
    });
  if (input.outcome === "NO_SHOW" && now < startsAt) throw new DomainError("proofing.too_early_for_no_show");
}

/** Closes the booked appointment with the agent's checklist; refused when someone closed it first. */
async function closeAppointment(id: string, input: RecordOutcomeInput, now: Date, tx: Tx) {
  const status = input.outcome === "PASS" ? "PASSED" : input.outcome === "FAIL" ? "FAILED" : "NO_SHOW";
  const checklist = { evidence: input.evidence, answers: input.answers };
  const failInstructions = input.outcome === "FAIL" ? input.instructions : undefined;
  const closed = await appointmentRepo.closeAppointment(id, { status, checklist, failInstructions }, now, tx);
  if (!closed) throw new DomainError("proofing.appointment_closed");
}

/** After a no-show the case waits for a new slot, and the applicant is told (a job). */
async function reopenCalendar(caseId: string, appointmentId: string, now: Date, tx: Tx) {
  await caseRepo.updateOpenCase(caseId, { slotStartsAt: null }, tx);
  await enqueueJob(APPOINTMENT_JOBS.cancelled, { appointmentId, reason: "no_show" }, { runAt: now }, tx);
}

/**
 * Replaces a lost or expired activation code after a short identity re-check by support or an agent (the
 * re-check is recorded in the audit log), so the user does not pay for proofing again. The old code stops
 * working; the new one is shown once. An agent may do it only for a session they passed themselves.
 */
export async function reissueActivationCode(
  staff: Pick<CurrentSession, "userId" | "role" | "otpAt">,
  input: ReissueCodeInput,
  request: RequestInfo,
  now = new Date(),
): Promise<{ code: string; expiresAt: Date; userId: string }> {
  requireStepUp(staff, now);
  const staffId = staff.userId;
  const latest = await caseRepo.findLatestCase(input.credentialId);
  if (
    staff.role === "PROOFING_AGENT" &&
    !(latest && (await appointmentRepo.agentPassedCase(latest.id, staffId)))
  )
    throw new DomainError("proofing.not_found");
  if (!latest || latest.status !== "PASSED" || latest.method !== "LIVE_VIDEO")
    throw new DomainError("proofing.no_code_to_reissue");
  const credential = await caseRepo.findCredential(latest.userId, input.credentialId);
  if (!credential || credential.status !== "PROOFING_REQUIRED")
    throw new DomainError("proofing.no_code_to_reissue");
  return inTransaction(async (tx) => {
    await caseRepo.lockCredential(credential.id, tx);
    const revoked = await codeRepo.revokeActivationCodes(credential.id, staffId, now, tx);
    await codeRepo.resolveCodeRequests(credential.id, now, tx);
    const issued = await issueActivationCode(
      { caseId: latest.id, credentialId: credential.id, userId: latest.userId, issuedById: staffId },
      now,
      tx,
    );
    const detail = { credentialId: credential.id, caseId: latest.id, revoked, recheck: input.recheck };
    const base = { actorId: staffId, subjectUserId: latest.userId, ...request, detail };
    if (revoked > 0) await recordAudit({ type: "ACTIVATION_CODE_REVOKED", result: "SUCCESS", ...base }, tx);
    await recordAudit({ type: "ACTIVATION_CODE_ISSUED", result: "SUCCESS", ...base }, tx);
    return { ...issued, userId: latest.userId };
  });
}
