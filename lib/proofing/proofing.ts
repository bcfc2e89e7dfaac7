// Pure proofing rules: the self-service wizard as a step graph, SSN and age checks, and the limits.
// No I/O; time is passed in as `now`.
import { defineStepGraph } from "@/lib/core/step-graph";

/**
 * Sources: Login.gov identity-idp (doc-capture link valid 15 min, 5 link texts per 10 min, SSN checks 10 per
 * hour, minimum age 18), Exostar (3 proofing attempts per credential; live video offered after 2 failed
 * self-service tries, without losing the key). NIST SP 800-63A §5.1.7: notify the user of proofing.
 */
export const PROOFING_POLICY = {
  linkValidMinutes: 15,
  /** How long the phone that opened the link may keep uploading. */
  captureSessionMinutes: 30,
  maxAttemptsPerCredential: 3,
  failedSelfServiceBeforeVideoOnly: 2,
  minimumAge: 18,
  /** ID images and selfies are deleted this long after the decision (or after the case opened, if undecided). */
  imageRetentionDays: 30,
} as const;

/** Self-service (bureau) proofing is offered only here; every other country proofs by live video. */
export const SELF_SERVICE_COUNTRIES: ReadonlySet<string> = new Set(["US"]);

/** Bumped whenever the terms text changes; the case records the version the user agreed to. */
export const PROOFING_TERMS_VERSION = "2026-11-29";

export type ProofingMethod = "SELF_SERVICE" | "LIVE_VIDEO";
export type IdentityOutcome = "VERIFIED" | "KBA_REQUIRED" | "NOT_VERIFIED";
export type ProofingStatus = "IN_PROGRESS" | "PASSED" | "FAILED";

/** The wizard's state, as stored on the proofing case row. */
export type ProofingFlow = {
  status: ProofingStatus;
  country: string | null;
  method: ProofingMethod | null;
  nameConfirmedAt: Date | null;
  instructionsReadAt: Date | null;
  consentedAt: Date | null;
  identitySubmittedAt: Date | null;
  identityOutcome: IdentityOutcome | null;
  kbaPassedAt: Date | null;
  linkSentAt: Date | null;
  videoReviewedAt: Date | null;
  videoServiceAt: Date | null;
  scheduleReviewedAt: Date | null;
  slotStartsAt: Date | null;
  /** Whether the case has a booked live video appointment. */
  appointmentBooked: boolean;
};

/** The columns each step's undo clears; the service maps them to the row. */
export type FlowReset = Partial<
  Record<keyof ProofingFlow | "identity" | "mobile" | "link" | "images" | "appointment", null>
>;

/** The wizard's steps, in order: the pages under /credentials/[id]/proofing/. */
export type WizardStep =
  | "country"
  | "method"
  | "name"
  | "instructions"
  | "terms"
  | "identity"
  | "mobile"
  | "kba"
  | "capture"
  | "video"
  | "service"
  | "schedule"
  | "slot"
  | "details"
  | "appointment";

const isSelfService = (s: ProofingFlow) =>
  s.method === "SELF_SERVICE" && s.country !== null && SELF_SERVICE_COUNTRIES.has(s.country);
const isLiveVideo = (s: ProofingFlow) => s.method === "LIVE_VIDEO" && s.country !== null;
const identityPassed = (s: ProofingFlow) =>
  s.identityOutcome === "VERIFIED" || (s.identityOutcome === "KBA_REQUIRED" && s.kbaPassedAt !== null);

/**
 * The steps in order: country and method, then the self-service steps (user guide, "To complete the
 * Self-Service Mobile Proofing") or the live video ones ("To complete the Live Video Proofing"). A step is
 * shown only when `allowed`; saving a step first runs `undo` of every later step, so changing an earlier
 * answer never leaves later answers that rested on it (a booked appointment included).
 */
export const PROOFING_FLOW = defineStepGraph<WizardStep, ProofingFlow, FlowReset>({
  country: { allowed: () => true, undo: { country: null } },
  method: { allowed: (s) => s.country !== null, undo: { method: null } },
  name: { allowed: isSelfService, undo: { nameConfirmedAt: null } },
  instructions: {
    allowed: (s) => isSelfService(s) && s.nameConfirmedAt !== null,
    undo: { instructionsReadAt: null },
  },
  terms: {
    allowed: (s) => isSelfService(s) && s.instructionsReadAt !== null,
    undo: { consentedAt: null },
  },
  identity: {
    allowed: (s) => isSelfService(s) && s.consentedAt !== null,
    undo: { identitySubmittedAt: null, identity: null },
  },
  mobile: {
    allowed: (s) => isSelfService(s) && s.identitySubmittedAt !== null,
    undo: { identityOutcome: null, mobile: null },
  },
  kba: {
    allowed: (s) => isSelfService(s) && s.identityOutcome === "KBA_REQUIRED" && s.kbaPassedAt === null,
    undo: { kbaPassedAt: null },
  },
  capture: {
    // Open once the identity check passed, even if the link could not be texted: the page resends it.
    allowed: (s) => isSelfService(s) && identityPassed(s),
    undo: { linkSentAt: null, link: null, images: null },
  },
  // Changing the country or method (the steps before this one) cancels a booked appointment; the later
  // live video steps do not, so a reschedule keeps the booking until the new one is confirmed.
  video: { allowed: isLiveVideo, undo: { videoReviewedAt: null, appointment: null } },
  service: {
    allowed: (s) => isLiveVideo(s) && s.videoReviewedAt !== null,
    undo: { videoServiceAt: null },
  },
  schedule: {
    allowed: (s) => isLiveVideo(s) && s.videoServiceAt !== null,
    undo: { scheduleReviewedAt: null },
  },
  slot: {
    allowed: (s) => isLiveVideo(s) && s.scheduleReviewedAt !== null,
    undo: { slotStartsAt: null },
  },
  details: {
    allowed: (s) => isLiveVideo(s) && s.slotStartsAt !== null,
    undo: {},
  },
  appointment: {
    allowed: (s) => isLiveVideo(s) && s.appointmentBooked,
    undo: {},
  },
});

export type ProofingStep = WizardStep | "result";

/** The furthest step the case may be on; a page for any other step that is not allowed redirects here. */
export function latestAllowedStep(s: ProofingFlow): ProofingStep {
  if (s.status !== "IN_PROGRESS") return "result";
  return PROOFING_FLOW.latestAllowed(s) ?? "country";
}

export function isStepAllowed(step: ProofingStep, s: ProofingFlow): boolean {
  if (s.status !== "IN_PROGRESS") return step === "result";
  if (step === "result") return false;
  return PROOFING_FLOW.isAllowed(step, s);
}

/** What saving `step` clears: the undo of every step after it. */
export function resetAfter(step: WizardStep): FlowReset {
  return PROOFING_FLOW.resetAfter(step);
}

/** Methods the user may choose for a country, given failed self-service attempts on this credential. */
export function availableMethods(country: string, failedSelfService: number): ProofingMethod[] {
  const selfService =
    SELF_SERVICE_COUNTRIES.has(country) &&
    failedSelfService < PROOFING_POLICY.failedSelfServiceBeforeVideoOnly;
  return selfService ? ["SELF_SERVICE", "LIVE_VIDEO"] : ["LIVE_VIDEO"];
}

/**
 * The nine SSN digits, with dashes and spaces tolerated, or null when the number cannot have been issued:
 * area 000, 666 or 900–999, group 00, serial 0000 (SSA rules), checked before any bureau call.
 */
export function normalizeSsn(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, "");
  if (!/^\d{9}$/.test(digits)) return null;
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return null;
  if (digits.slice(3, 5) === "00" || digits.slice(5) === "0000") return null;
  return digits;
}

/** Whole years between `birthDate` (a calendar date, UTC midnight) and `now`. */
export function ageOn(birthDate: Date, now: Date): number {
  let age = now.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < birthDate.getUTCMonth() ||
    (now.getUTCMonth() === birthDate.getUTCMonth() && now.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** US state and territory codes accepted for the home address. */
// prettier-ignore
export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
  "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
  "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
  "AS", "GU", "MP", "PR", "VI",
] as const;

export type KbaQuestion = { id: string; prompt: string; choices: string[] };

/** The identity data sent to the verifier; encrypted at rest as one JSON document. */
export type IdentityEvidence = {
  firstName: string;
  middleName: string;
  lastName: string;
  birthDate: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  postalCode: string;
};
