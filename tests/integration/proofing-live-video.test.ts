import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JOB_HANDLERS, RECURRING_JOBS } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/worker";
import { revokeCredential } from "@/lib/admin/service";
import {
  activateWithCode,
  checkActivationCode,
  openCodeRequest,
  requestNewActivationCode,
} from "@/lib/proofing/activation-service";
import {
  getAgentAppointment,
  listAgentAppointments,
  listCodeRequests,
  listScheduledAppointments,
  recordOutcome,
  reissueActivationCode,
  setAgentAvailability,
} from "@/lib/proofing/agent-service";
import { chooseProofingMethod, getProofingStep, selectProofingCountry } from "@/lib/proofing/service";
import {
  bookAppointment,
  cancelMyAppointment,
  chooseAgentMeeting,
  listFreeSlots,
  pickSlot,
  reviewSchedule,
  reviewVideoProofing,
} from "@/lib/proofing/video-service";
import { createActivatedCredential } from "../factories/credential";
import { createUser } from "../factories/user";
import { asStaff } from "../factories/staff";
import { useTestClock, type TestClock } from "../setup/clock";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { outboxFor } from "../setup/outbox";
import { REQUEST } from "../setup/proofing";

let clock: TestClock;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

beforeEach(async () => {
  await resetDb();
  // Tuesday 09:00 UTC (04:00 in New York).
  clock = useTestClock(new Date("2026-12-01T09:00:00.000Z"));
});

afterEach(() => {
  vi.useRealTimers();
});

const ALL_YES = { alone: true, matches_photo: true, documents_genuine: true, details_match: true };

async function agent(email?: string) {
  const user = await createUser({ role: "PROOFING_AGENT", ...(email ? { email } : {}) });
  const windows = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));
  await setAgentAvailability(user.id, { timeZone: "America/New_York", windows }, REQUEST);
  return user;
}

/** An applicant (outside the US, so live video only) who reached the calendar. */
async function applicantAtCalendar(country = "GB") {
  const { user, credentialId } = await createActivatedCredential({ withProofing: true, now: clock.now() });
  await getProofingStep(user.id, credentialId, "country", REQUEST);
  await selectProofingCountry(user.id, { credentialId, country });
  await chooseProofingMethod(user.id, { credentialId, method: "LIVE_VIDEO" });
  await reviewVideoProofing(user.id, { credentialId });
  await chooseAgentMeeting(user.id, { credentialId });
  await reviewSchedule(user.id, { credentialId });
  return { user, credentialId };
}

const details = (credentialId: string, email: string) => ({
  credentialId,
  phone: "+44 20 7946 0958",
  email,
  timeZone: "Europe/London",
  documents: ["passport" as const],
});

async function book(
  applicant: { user: { id: string; email: string }; credentialId: string },
  startsAt: Date,
) {
  await pickSlot(applicant.user.id, {
    credentialId: applicant.credentialId,
    startsAt: startsAt.toISOString(),
    timeZone: "Europe/London",
  });
  return bookAppointment(applicant.user.id, details(applicant.credentialId, applicant.user.email), REQUEST);
}

const runJobs = () => runDueJobs(JOB_HANDLERS, RECURRING_JOBS, clock.now());

/** The agent passes the session; returns the activation code shown to them. */
async function passSession(agentId: string, appointmentId: string): Promise<string> {
  const outcome = {
    appointmentId,
    outcome: "PASS" as const,
    evidence: "photo_id" as const,
    answers: ALL_YES,
    instructions: "",
  };
  const result = await recordOutcome({ userId: agentId, otpAt: clock.now() }, outcome, REQUEST);
  if (result.outcome !== "PASS") throw new Error("expected a pass");
  return result.code;
}

describe("booking", () => {
  it("books a free slot, emails a confirmation with a calendar invite, then a reminder and the meeting link", async () => {
    const a = await agent();
    const applicant = await applicantAtCalendar();
    const slots = await listFreeSlots(clock.now());
    expect(slots[0]!.startsAt.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    const tomorrow = slots.find((s) => s.startsAt.toISOString() === "2026-12-02T15:00:00.000Z")!;
    const { appointmentId } = await book(applicant, tomorrow.startsAt);
    expect(
      await getProofingStep(applicant.user.id, applicant.credentialId, "appointment", REQUEST),
    ).toMatchObject({ allowed: true });
    expect(
      (await listFreeSlots(clock.now())).some((s) => s.startsAt.getTime() === tomorrow.startsAt.getTime()),
    ).toBe(false);

    await runJobs();
    const confirmation = (await outboxFor(applicant.user.email)).find((m) =>
      m.subject?.includes("confirmed"),
    )!;
    expect(confirmation.attachments[0]).toMatchObject({ filename: "proofing-appointment.ics" });
    expect(confirmation.attachments[0]!.content).toContain("DTSTART:20261202T150000Z");
    expect(confirmation.body).toContain("Wednesday, December 2, 2026 at 3:00 PM GMT");

    clock.advance(6 * 60 * MINUTE + 1_000); // 24 h before 15:00 tomorrow is 15:00 today
    await runJobs();
    expect((await outboxFor(applicant.user.email)).some((m) => m.subject?.includes("Reminder"))).toBe(true);
    expect((await outboxFor(applicant.user.email)).some((m) => m.subject?.includes("Join"))).toBe(false);
    clock.advance(24 * 60 * MINUTE - 15 * MINUTE);
    await runJobs();
    const link = (await outboxFor(applicant.user.email)).find((m) => m.subject?.includes("Join"))!;
    expect(link.body).toContain(`/meetings/${appointmentId}`);
    expect((await getAgentAppointment(a.id, appointmentId)).applicantName).toContain(
      applicant.user.firstName,
    );
  });

  it("two users booking the same slot in parallel: one gets it, the other a clear message", async () => {
    await agent();
    const first = await applicantAtCalendar();
    const second = await applicantAtCalendar();
    const slot = (await listFreeSlots(clock.now()))[3]!.startsAt;
    for (const who of [first, second])
      await pickSlot(who.user.id, {
        credentialId: who.credentialId,
        startsAt: slot.toISOString(),
        timeZone: "UTC",
      });
    const results = await Promise.allSettled(
      [first, second].map((who) =>
        bookAppointment(who.user.id, details(who.credentialId, who.user.email), REQUEST),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as { code: string }).code).toBe("proofing.slot_taken");
    expect(await db().appointment.count({ where: { status: "BOOKED" } })).toBe(1);
  });

  it("refuses a slot less than 2 hours ahead, and a slot with no agent", async () => {
    await agent();
    const applicant = await applicantAtCalendar();
    const soon = new Date(clock.now().getTime() + 90 * MINUTE);
    await expectDomainError(
      pickSlot(applicant.user.id, {
        credentialId: applicant.credentialId,
        startsAt: soon.toISOString(),
        timeZone: "UTC",
      }),
      "proofing.slot_taken",
    );
    const saturday = new Date("2026-12-05T15:00:00Z");
    await expectDomainError(
      pickSlot(applicant.user.id, {
        credentialId: applicant.credentialId,
        startsAt: saturday.toISOString(),
        timeZone: "UTC",
      }),
      "proofing.slot_taken",
    );
  });

  it("reschedules (the old slot is freed) and cancels", async () => {
    await agent();
    const applicant = await applicantAtCalendar();
    const [one, , two] = await listFreeSlots(clock.now());
    await book(applicant, one!.startsAt);
    await runJobs();
    await book(applicant, two!.startsAt);
    await runJobs();
    const appointments = await db().appointment.findMany({ orderBy: { createdAt: "asc" } });
    expect(appointments.map((a) => a.status)).toEqual(["CANCELLED", "BOOKED"]);
    expect(
      (await listFreeSlots(clock.now())).some((s) => s.startsAt.getTime() === one!.startsAt.getTime()),
    ).toBe(true);

    await cancelMyAppointment(applicant.user.id, { credentialId: applicant.credentialId }, REQUEST);
    expect(await db().appointment.count({ where: { status: "BOOKED" } })).toBe(0);
    expect(await getProofingStep(applicant.user.id, applicant.credentialId, "appointment", REQUEST)).toEqual({
      allowed: false,
      redirectTo: "slot",
    });
    await runJobs();
    // The first booking's confirmation added a calendar entry (its UID, SEQUENCE 0); the new booking's
    // confirmation removes it (the same UID, METHOD:CANCEL, SEQUENCE 1), and the cancellation the second's.
    const invites = (await outboxFor(applicant.user.email))
      .flatMap((m) => m.attachments)
      .map((x) => x.content);
    const entry = (id: string, method: string, sequence: number) =>
      invites.some(
        (c) =>
          c.includes(`UID:${id}@mag-portal`) &&
          c.includes(`METHOD:${method}`) &&
          c.includes(`SEQUENCE:${sequence}`),
      );
    expect(entry(appointments[0]!.id, "REQUEST", 0)).toBe(true);
    for (const a of appointments) expect(entry(a.id, "CANCEL", 1)).toBe(true);
  });

  it("choosing another country cancels the booking and tells the applicant", async () => {
    await agent();
    const applicant = await applicantAtCalendar();
    const { appointmentId } = await book(applicant, (await listFreeSlots(clock.now()))[0]!.startsAt);
    await selectProofingCountry(applicant.user.id, { credentialId: applicant.credentialId, country: "FR" });
    expect((await db().appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status).toBe(
      "CANCELLED",
    );
    await runJobs();
    const email = (await outboxFor(applicant.user.email)).find((m) => m.subject?.includes("cancelled"));
    expect(email?.body).toContain("schedule a new appointment");
  });
});

describe("the agent's session", () => {
  async function bookedWith() {
    const a = await agent();
    const applicant = await applicantAtCalendar();
    const slot = (await listFreeSlots(clock.now()))[0]!.startsAt;
    const { appointmentId } = await book(applicant, slot);
    return { agent: a, applicant, appointmentId, slot };
  }

  it("agents see and act on their own appointments only", async () => {
    const { agent: mine, appointmentId } = await bookedWith();
    const other = await agent();
    expect(await listAgentAppointments(mine.id, clock.now())).toHaveLength(1);
    expect(await listAgentAppointments(other.id, clock.now())).toHaveLength(0);
    // Opened on their page (audited), it says how to reach the applicant; listed, it does not.
    const opened = await getAgentAppointment(mine.id, appointmentId, REQUEST);
    expect(opened.contact).toEqual({
      phone: "+442079460958",
      email: expect.stringContaining("@") as unknown,
    });
    expect((await getAgentAppointment(mine.id, appointmentId)).contact).toBeUndefined();
    const viewed = await db().auditEvent.findFirstOrThrow({ where: { type: "IDENTITY_EVIDENCE_VIEWED" } });
    expect(viewed.detail).toMatchObject({ appointmentId, contact: true });
    await expectDomainError(getAgentAppointment(other.id, appointmentId), "proofing.appointment_not_found");
    await expectDomainError(
      recordOutcome(
        asStaff(other),
        { appointmentId, outcome: "PASS", evidence: "photo_id", answers: ALL_YES, instructions: "" },
        REQUEST,
      ),
      "proofing.appointment_not_found",
    );
  });

  it("Pass issues an 80-bit code shown once and stored only hashed; the user activates with it", async () => {
    const { agent: a, applicant, appointmentId } = await bookedWith();
    await expectDomainError(
      recordOutcome(
        asStaff(a),
        {
          appointmentId,
          outcome: "PASS",
          evidence: "photo_id",
          answers: { ...ALL_YES, alone: false },
          instructions: "",
        },
        REQUEST,
      ),
      "proofing.cannot_pass",
    );
    const result = await recordOutcome(
      asStaff(a),
      { appointmentId, outcome: "PASS", evidence: "photo_id", answers: ALL_YES, instructions: "" },
      REQUEST,
    );
    if (result.outcome !== "PASS") throw new Error("expected a pass");
    expect(result.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(result.expiresAt.getTime() - clock.now().getTime()).toBe(30 * DAY);
    const asText = (rows: unknown[]) =>
      JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    const dump = asText(await db().activationCode.findMany()) + asText(await db().auditEvent.findMany());
    expect(dump).not.toContain(result.code);
    expect(dump).not.toContain(result.code.replace(/-/g, ""));

    const credentialId = applicant.credentialId;
    await checkActivationCode(applicant.user.id, { credentialId, code: result.code.toLowerCase() }, REQUEST);
    await activateWithCode(applicant.user.id, { credentialId, code: result.code }, REQUEST);
    const credential = await db().credential.findUniqueOrThrow({ where: { id: credentialId } });
    expect(credential).toMatchObject({ status: "PHONE_REGISTRATION_REQUIRED" });
    expect(credential.proofedAt).not.toBeNull();
    await expectDomainError(
      activateWithCode(applicant.user.id, { credentialId, code: result.code }, REQUEST),
      "proofing.code_invalid",
    );
  });

  it("20 parallel uses of one code: exactly one succeeds", async () => {
    const { agent: a, applicant, appointmentId } = await bookedWith();
    const code = await passSession(a.id, appointmentId);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        activateWithCode(applicant.user.id, { credentialId: applicant.credentialId, code }, REQUEST),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { type: "ACTIVATION_CODE_USED" } })).toBe(1);
  });

  it("the code is refused 30 days + 1 s after issue, accepted a second before", async () => {
    const { agent: a, applicant, appointmentId } = await bookedWith();
    const code = await passSession(a.id, appointmentId);
    const input = { credentialId: applicant.credentialId, code };
    clock.advance(30 * DAY - 1_000);
    await checkActivationCode(applicant.user.id, input, REQUEST);
    clock.advance(2_000);
    await expectDomainError(activateWithCode(applicant.user.id, input, REQUEST), "proofing.code_expired");
  });

  it("1000 guesses are cut off after 5 per 10 minutes", async () => {
    const { agent: a, applicant, appointmentId } = await bookedWith();
    const real = await passSession(a.id, appointmentId);
    const codes: string[] = [];
    for (let i = 0; i < 1000; i += 1) codes.push(`ZZZZ-ZZZZ-${String(i).padStart(4, "0")}-0000`);
    const outcomes: string[] = [];
    for (const code of codes) {
      outcomes.push(
        await checkActivationCode(
          applicant.user.id,
          { credentialId: applicant.credentialId, code },
          REQUEST,
        ).then(
          () => "ok",
          (e: { code: string }) => e.code,
        ),
      );
      if (outcomes.at(-1) === "proofing.too_many_code_attempts" && outcomes.length > 10) break;
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("proofing.code_invalid"));
    expect(outcomes.slice(5)).toEqual(Array(outcomes.length - 5).fill("proofing.too_many_code_attempts"));
    await expectDomainError(
      activateWithCode(applicant.user.id, { credentialId: applicant.credentialId, code: real }, REQUEST),
      "proofing.too_many_code_attempts",
    );
    clock.advance(10 * MINUTE + 1_000);
    await activateWithCode(applicant.user.id, { credentialId: applicant.credentialId, code: real }, REQUEST);
  });

  it("Fail closes the attempt and emails the agent's instructions", async () => {
    const { agent: a, applicant, appointmentId } = await bookedWith();
    await expectDomainError(
      recordOutcome(
        asStaff(a),
        { appointmentId, outcome: "FAIL", evidence: null, answers: ALL_YES, instructions: "" },
        REQUEST,
      ),
      "proofing.instructions_required",
    );
    await recordOutcome(
      asStaff(a),
      {
        appointmentId,
        outcome: "FAIL",
        evidence: null,
        answers: ALL_YES,
        instructions: "Your passport had expired. Book again with a valid one.",
      },
      REQUEST,
    );
    await runJobs();
    const mail = (await outboxFor(applicant.user.email)).find((m) => m.subject?.includes("not successful"))!;
    expect(mail.body).toContain("Your passport had expired.");
    const page = await getProofingStep(applicant.user.id, applicant.credentialId, "result", REQUEST);
    expect(page.allowed && page.view).toMatchObject({
      status: "FAILED",
      failureReason: "live_video_failed",
      attemptsLeft: 2,
    });
  });

  it("No-show only after the start; the user then reschedules from the account", async () => {
    const { agent: a, applicant, appointmentId, slot } = await bookedWith();
    const noShow = {
      appointmentId,
      outcome: "NO_SHOW" as const,
      evidence: null,
      answers: ALL_YES,
      instructions: "",
    };
    await expectDomainError(recordOutcome(asStaff(a), noShow, REQUEST), "proofing.too_early_for_no_show");
    clock.advance(slot.getTime() - clock.now().getTime() + 5 * MINUTE);
    await recordOutcome(asStaff(a), noShow, REQUEST);
    expect(await getProofingStep(applicant.user.id, applicant.credentialId, "appointment", REQUEST)).toEqual({
      allowed: false,
      redirectTo: "slot",
    });
    await runJobs();
    expect((await outboxFor(applicant.user.email)).some((m) => m.subject?.includes("missed"))).toBe(true);
    const next = (await listFreeSlots(clock.now()))[0]!.startsAt;
    await book(applicant, next);
    expect(await db().appointment.count({ where: { status: "BOOKED" } })).toBe(1);
  });

  it("expiry reminders 7 and 1 days before state the date, never the code; a re-issued code replaces a lost one", async () => {
    const { agent: a, applicant, appointmentId } = await bookedWith();
    const lost = await passSession(a.id, appointmentId);
    clock.advance(23 * DAY + MINUTE);
    await runJobs();
    const reminders = (await outboxFor(applicant.user.email)).filter((m) =>
      m.subject?.includes("expires in"),
    );
    expect(reminders.map((m) => m.subject)).toEqual(["Your proofing activation code expires in 7 days"]);
    expect(reminders[0]!.body).toContain("December 31, 2026");
    expect(reminders[0]!.body).not.toContain(lost);

    const support = await createUser({ role: "SUPPORT" });
    const fresh = await reissueActivationCode(
      asStaff(support),
      {
        credentialId: applicant.credentialId,
        recheck: "Called the user back; matched DOB and last order number.",
      },
      REQUEST,
    );
    await expectDomainError(
      checkActivationCode(applicant.user.id, { credentialId: applicant.credentialId, code: lost }, REQUEST),
      "proofing.code_invalid",
    );
    await activateWithCode(
      applicant.user.id,
      { credentialId: applicant.credentialId, code: fresh.code },
      REQUEST,
    );
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "ACTIVATION_CODE_REVOKED" } });
    expect(JSON.stringify(audit.detail)).toContain("matched DOB");
  });
});

describe("the admins' schedule", () => {
  it("lists every agent's appointments of the coming days, soonest first, with names only", async () => {
    const [first, second] = [await agent(), await agent()];
    const slot = (await listFreeSlots(clock.now()))[0]!.startsAt;
    const later = new Date(slot.getTime() + 2 * DAY);
    await book(await applicantAtCalendar(), later);
    await book(await applicantAtCalendar(), slot);
    await book(await applicantAtCalendar(), slot);

    const schedule = await listScheduledAppointments(clock.now());
    expect(schedule.map((a) => a.startsAt)).toEqual([slot, slot, later]);
    const agents = new Set(schedule.slice(0, 2).map((a) => a.agentName));
    expect(agents).toEqual(
      new Set([`${first.firstName} ${first.lastName}`, `${second.firstName} ${second.lastName}`]),
    );
    expect(Object.keys(schedule[0]!).sort()).toEqual(
      [
        "agentName",
        "applicantId",
        "applicantName",
        "applicantTimeZone",
        "endsAt",
        "id",
        "startsAt",
        "status",
      ].sort(),
    );
    // Sixteen days on, today's appointments have left the schedule.
    expect(await listScheduledAppointments(new Date(clock.now().getTime() + 16 * DAY))).toEqual([]);
  });
});

describe("re-issuing a lost activation code", () => {
  it("an agent may re-issue only for a session they passed; another agent is refused as for an unknown credential", async () => {
    const a = await agent();
    const applicant = await applicantAtCalendar();
    const { appointmentId } = await book(applicant, (await listFreeSlots(clock.now()))[0]!.startsAt);
    // Joins after the booking, so the booking could only go to `a`.
    const other = await agent("other.agent@example.test");
    await passSession(a.id, appointmentId);
    const input = { credentialId: applicant.credentialId, recheck: "Called back; matched DOB and address." };

    await expectDomainError(reissueActivationCode(asStaff(other), input, REQUEST), "proofing.not_found");
    const fresh = await reissueActivationCode(asStaff(a), input, REQUEST);
    await activateWithCode(
      applicant.user.id,
      { credentialId: applicant.credentialId, code: fresh.code },
      REQUEST,
    );
  });
});

describe("asking for a new activation code", () => {
  it("reaches the agent who passed the user, once; their re-issue answers it", async () => {
    const a = await agent();
    const applicant = await applicantAtCalendar();
    const { appointmentId } = await book(applicant, (await listFreeSlots(clock.now()))[0]!.startsAt);
    const other = await agent("another.agent@example.test");
    await passSession(a.id, appointmentId);
    const { user, credentialId } = applicant;

    const asked = await requestNewActivationCode(user.id, credentialId, REQUEST, clock.now());
    // A second click changes nothing: one request, one email.
    expect(await requestNewActivationCode(user.id, credentialId, REQUEST, clock.now())).toEqual(asked);
    const emails = (await outboxFor(a.email)).filter((m) => m.subject?.includes("new activation code"));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.body).toContain(`${user.firstName} ${user.lastName}`);
    expect(await listCodeRequests(a.id)).toEqual([
      expect.objectContaining({ credentialId, applicantName: `${user.firstName} ${user.lastName}` }),
    ]);
    expect(await listCodeRequests(other.id)).toEqual([]);
    expect(await openCodeRequest(credentialId)).toEqual(asked);

    const input = { credentialId, recheck: "Called back on the session number; matched DOB." };
    const fresh = await reissueActivationCode(asStaff(a), input, REQUEST);
    expect(await listCodeRequests(a.id)).toEqual([]);
    expect(await openCodeRequest(credentialId)).toBeNull();
    await activateWithCode(user.id, { credentialId, code: fresh.code }, REQUEST);
    // The passed session is kept on the person, so their next credential with proofing reuses it.
    expect(await db().identityVerification.findMany({ where: { userId: user.id } })).toEqual([
      expect.objectContaining({ method: "LIVE_VIDEO", level: "IAL2" }),
    ]);
  });

  it("is refused for a credential without a passed live video session, and for someone else's", async () => {
    const applicant = await applicantAtCalendar();
    await expectDomainError(
      requestNewActivationCode(applicant.user.id, applicant.credentialId, REQUEST),
      "proofing.no_code_to_reissue",
    );
    const stranger = await createUser();
    await expectDomainError(
      requestNewActivationCode(stranger.id, applicant.credentialId, REQUEST),
      "proofing.not_found",
    );
  });
});

describe("a credential revoked by support", () => {
  it("cancels its booked appointment, frees the slot, emails the applicant, and voids its unused code", async () => {
    const a = await agent();
    const support = await createUser({ role: "SUPPORT" });
    const applicant = await applicantAtCalendar();
    const [slot] = await listFreeSlots(clock.now());
    const { appointmentId } = await book(applicant, slot!.startsAt);
    const other = await applicantAtCalendar();
    const [next] = await listFreeSlots(clock.now());
    const code = await passSession(a.id, (await book(other, next!.startsAt)).appointmentId);
    const reason = { reason: "Fraud report confirmed by the bank", confirm: "on" as const };

    await revokeCredential(
      asStaff(support),
      { userId: applicant.user.id, credentialId: applicant.credentialId, ...reason },
      REQUEST,
    );
    expect((await db().appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status).toBe(
      "CANCELLED",
    );
    expect(
      (await listFreeSlots(clock.now())).some((s) => s.startsAt.getTime() === slot!.startsAt.getTime()),
    ).toBe(true);
    await runJobs();
    const email = (await outboxFor(applicant.user.email)).find((m) => m.subject?.includes("cancelled"))!;
    expect(email.body).toContain("revoked the credential");
    expect(
      (await listAgentAppointments(a.id, clock.now())).find((x) => x.id === appointmentId)?.status,
    ).not.toBe("BOOKED");

    await revokeCredential(
      asStaff(support),
      { userId: other.user.id, credentialId: other.credentialId, ...reason },
      REQUEST,
    );
    await expectDomainError(
      checkActivationCode(other.user.id, { credentialId: other.credentialId, code }, REQUEST, clock.now()),
      "proofing.code_invalid",
    );
  });
});
