import { TZDate } from "@date-fns/tz";

// Pure rules of live video proofing: the free-slot calendar, the documents and questions of the session,
// and the activation code's life. No I/O; time is passed in as `now`.

/**
 * Sources: ID.me (appointments 2 h to 7 days ahead; we allow 14 as the issue asks), Exostar (reminder the day
 * before, meeting link 15 minutes before, activation code valid 30 days), NIST SP 800-63A (a proofing code
 * carries ≥ 64 bits when it is not typed from a letter; never usable as an authenticator).
 */
export const VIDEO_POLICY = {
  slotMinutes: 30,
  minLeadMinutes: 120,
  maxDaysAhead: 14,
  reminderBeforeMinutes: 24 * 60,
  meetingLinkBeforeMinutes: 15,
  codeValidDays: 30,
  codeReminderDaysBefore: [7, 1],
  /** 4 groups of 4 Crockford characters: 80 bits. */
  codeGroups: 4,
  codeGroupLength: 4,
} as const;

export const ACTIVATION_CODE_LENGTH = VIDEO_POLICY.codeGroups * VIDEO_POLICY.codeGroupLength;

/** Documents an applicant may declare (Exostar's live video resource: one unexpired government photo ID, or alternatives). */
export const IDENTITY_DOCUMENTS = {
  passport: "Passport",
  drivers_license: "Driver's license",
  state_id: "State or national identity card with photo",
  military_id: "Military ID card",
  resident_card: "Permanent resident card",
  birth_certificate: "Birth certificate",
  social_security_card: "Social Security card",
  utility_bill: "Recent utility bill or bank statement",
} as const;

export type IdentityDocument = keyof typeof IDENTITY_DOCUMENTS;

/** The evidence an agent may accept: one of these must be ticked for a Pass. */
export const EVIDENCE_OPTIONS = {
  photo_id: "One unexpired government-issued photo ID",
  two_strong: "Two STRONG documents (for example a passport and a permanent resident card)",
  strong_two_fair:
    "One STRONG and two FAIR documents (for example a driver's license, a birth certificate and a utility bill)",
} as const;

export type EvidenceOption = keyof typeof EVIDENCE_OPTIONS;

/** The yes/no questions of the session; a Pass needs Yes to every one. */
export const AGENT_QUESTIONS = {
  alone: "Is the applicant alone in the room?",
  matches_photo: "Does the applicant match the photo on the ID?",
  documents_genuine: "Is each document unexpired and free of signs of tampering?",
  details_match: "Do the name and date of birth on the documents match the application?",
} as const;

export type AgentQuestion = keyof typeof AGENT_QUESTIONS;

export type Availability = {
  agentId: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
  timeZone: string;
};

export type FreeSlot = { startsAt: Date; agentIds: string[] };

/**
 * Free slots between `now` + 2 h and `now` + 14 days: every 30 minutes inside the agents' weekly windows (in
 * each agent's own time zone, so daylight saving moves them as it should), minus booked ones, merged by start
 * time with the agents free at that time.
 */
export function freeSlots(
  availability: Availability[],
  booked: { agentId: string; startsAt: Date }[],
  now: Date,
): FreeSlot[] {
  const earliest = now.getTime() + VIDEO_POLICY.minLeadMinutes * 60_000;
  const latest = now.getTime() + VIDEO_POLICY.maxDaysAhead * 24 * 60 * 60_000;
  const taken = new Set(booked.map((b) => `${b.agentId}/${b.startsAt.getTime()}`));
  const byStart = new Map<number, Set<string>>();
  for (const window of availability) {
    for (let day = 0; day <= VIDEO_POLICY.maxDaysAhead + 1; day += 1) {
      const local = new TZDate(now.getTime() + day * 24 * 60 * 60_000, window.timeZone);
      if (local.getDay() !== window.weekday) continue;
      for (
        let m = window.startMinute;
        m + VIDEO_POLICY.slotMinutes <= window.endMinute;
        m += VIDEO_POLICY.slotMinutes
      ) {
        const start = new TZDate(
          local.getFullYear(),
          local.getMonth(),
          local.getDate(),
          Math.floor(m / 60),
          m % 60,
          window.timeZone,
        ).getTime();
        if (start < earliest || start > latest || taken.has(`${window.agentId}/${start}`)) continue;
        const agents = byStart.get(start) ?? new Set<string>();
        agents.add(window.agentId);
        byStart.set(start, agents);
      }
    }
  }
  return [...byStart.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, agents]) => ({ startsAt: new Date(start), agentIds: [...agents].sort() }));
}

export { isTimeZone } from "@/lib/core/time-zone";

/** "Tuesday, December 1, 2026, 10:30 AM EST": an appointment time as the user reads it. */
export function formatInZone(at: Date, timeZone: string): string {
  return at.toLocaleString("en-US", {
    timeZone,
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
}

/** The calendar date (YYYY-MM-DD) of `at` in `timeZone`, to group slots by day. */
export function dayInZone(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
}

/** A Pass needs one accepted kind of evidence and Yes to every question. */
export function canPass(evidence: string | null, answers: Partial<Record<AgentQuestion, boolean>>): boolean {
  return (
    evidence !== null &&
    evidence in EVIDENCE_OPTIONS &&
    (Object.keys(AGENT_QUESTIONS) as AgentQuestion[]).every((q) => answers[q] === true)
  );
}

/** Background jobs of an appointment (lib/jobs), queued in the transaction that books or ends it. */
export const APPOINTMENT_JOBS = {
  confirmation: "appointment.confirmation",
  reminder: "appointment.reminder",
  meetingLink: "appointment.meeting_link",
  cancelled: "appointment.cancelled",
} as const;
