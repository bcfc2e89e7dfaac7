import { z } from "zod";
import { CountrySchema, EmailSchema, PersonNameSchema } from "@/lib/accounts/schemas";
import { optionalText, requiredText } from "@/lib/core/text-fields";
import { normalizeSsn, US_STATES } from "./proofing";
import {
  AGENT_QUESTIONS,
  EVIDENCE_OPTIONS,
  IDENTITY_DOCUMENTS,
  isTimeZone,
  type AgentQuestion,
  type EvidenceOption,
  type IdentityDocument,
} from "./video";

const CredentialIdSchema = z.uuid("No such credential.");

export const CredentialStepInputSchema = z.object({ credentialId: CredentialIdSchema });
export type CredentialStepInput = z.infer<typeof CredentialStepInputSchema>;

export const SelectProofingCountryInputSchema = z.object({
  credentialId: CredentialIdSchema,
  country: CountrySchema,
});
export type SelectProofingCountryInput = z.infer<typeof SelectProofingCountryInputSchema>;

export const ChooseProofingMethodInputSchema = z.object({
  credentialId: CredentialIdSchema,
  method: z.enum(["SELF_SERVICE", "LIVE_VIDEO"], "Choose a proofing method."),
});
export type ChooseProofingMethodInput = z.infer<typeof ChooseProofingMethodInputSchema>;

export const CorrectNameInputSchema = z.object({
  credentialId: CredentialIdSchema,
  firstName: PersonNameSchema("first name"),
  lastName: PersonNameSchema("last name"),
});
export type CorrectNameInput = z.infer<typeof CorrectNameInputSchema>;

const text = (label: string, max = 100) => requiredText(label, "your", max);

export const SubmitIdentityInputSchema = z.object({
  credentialId: CredentialIdSchema,
  firstName: PersonNameSchema("legal first name"),
  middleName: optionalText("middle name", "your"),
  lastName: PersonNameSchema("legal last name"),
  birthDate: z.iso.date("Enter your date of birth."),
  addressLine1: text("street address"),
  addressLine2: optionalText("address line 2", "your"),
  city: text("city", 60),
  state: z.enum(US_STATES, "Select your state."),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, "Enter a 5-digit ZIP code (or ZIP+4)."),
  ssn: z.string().transform((v, ctx) => {
    const digits = normalizeSsn(v);
    if (!digits) {
      ctx.addIssue({ code: "custom", message: "Enter all nine digits of a valid Social Security Number." });
      return z.NEVER;
    }
    return digits;
  }),
});
export type SubmitIdentityInput = z.infer<typeof SubmitIdentityInputSchema>;

export const SubmitMobileInputSchema = z.object({
  credentialId: CredentialIdSchema,
  mobile: z.string().trim().min(1, "Enter your mobile number.").max(30, "Enter a valid US mobile number."),
});
export type SubmitMobileInput = z.infer<typeof SubmitMobileInputSchema>;

/** Answers arrive as `answer.<questionId>` fields; the service checks that every question got one. */
export const AnswerKbaInputSchema = z
  .object({ credentialId: CredentialIdSchema })
  .catchall(z.string().max(200))
  .transform(({ credentialId, ...rest }) => ({
    credentialId,
    answers: Object.fromEntries(
      Object.entries(rest)
        .filter(([k]) => k.startsWith("answer."))
        .map(([k, v]) => [k.slice("answer.".length), String(v)]),
    ),
  }));
export type AnswerKbaInput = z.infer<typeof AnswerKbaInputSchema>;

export const StartCaptureInputSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This proofing link is not valid."),
});
export type StartCaptureInput = z.infer<typeof StartCaptureInputSchema>;

const TimeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose your time zone.")
  .max(64)
  .refine(isTimeZone, "Choose your time zone.");

export const PickSlotInputSchema = z.object({
  credentialId: CredentialIdSchema,
  startsAt: z.iso.datetime("Select an appointment date and time."),
  timeZone: TimeZoneSchema,
});
export type PickSlotInput = z.infer<typeof PickSlotInputSchema>;

const DOCUMENT_KEYS = Object.keys(IDENTITY_DOCUMENTS) as [IdentityDocument, ...IdentityDocument[]];

/** Declared documents arrive as `document.<key>` checkboxes, gathered into `documents` before validation. */
export const BookAppointmentInputSchema = z.preprocess(
  (raw) => {
    const fields = (raw ?? {}) as Record<string, unknown>;
    const documents = Object.keys(fields)
      .filter((k) => k.startsWith("document.") && fields[k])
      .map((k) => k.slice("document.".length));
    return { ...fields, documents };
  },
  z.object({
    credentialId: CredentialIdSchema,
    phone: z.string().trim().min(1, "Enter a phone number where the agent can reach you.").max(30),
    email: EmailSchema,
    timeZone: TimeZoneSchema,
    documents: z
      .array(z.enum(DOCUMENT_KEYS, "Select the identity documents you will present."))
      .min(1, "Select the identity documents you will present."),
  }),
);
export type BookAppointmentInput = z.infer<typeof BookAppointmentInputSchema>;

export const ActivationCodeInputSchema = z.object({
  credentialId: CredentialIdSchema,
  code: z.string().trim().min(1, "Enter the activation code.").max(40, "Enter the activation code."),
});
export type ActivationCodeInput = z.infer<typeof ActivationCodeInputSchema>;

export const AppointmentIdInputSchema = z.object({ appointmentId: z.uuid("No such appointment.") });

/** The agent's outcome: checkboxes `evidence`, `answer.<question>` = yes|no, and instructions for a Fail. */
export const RecordOutcomeInputSchema = z
  .object({
    appointmentId: z.uuid("No such appointment."),
    outcome: z.enum(["PASS", "FAIL", "NO_SHOW"], "Choose an outcome."),
    evidence: z.string().max(40).optional(),
    instructions: z.string().trim().max(2000, "Keep the instructions under 2000 characters.").optional(),
  })
  .catchall(z.string().max(10))
  .transform(({ appointmentId, outcome, evidence, instructions, ...rest }) => ({
    appointmentId,
    outcome,
    evidence: evidence && evidence in EVIDENCE_OPTIONS ? (evidence as EvidenceOption) : null,
    instructions: instructions ?? "",
    answers: Object.fromEntries(
      (Object.keys(AGENT_QUESTIONS) as AgentQuestion[]).map((q) => [q, rest[`answer.${q}`] === "yes"]),
    ) as Record<AgentQuestion, boolean>,
  }));
export type RecordOutcomeInput = z.infer<typeof RecordOutcomeInputSchema>;

const toMinutes = (hhmm: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** One window per weekday from `start.<0-6>` and `end.<0-6>` time fields (HH:MM); both empty = unavailable. */
export const SetAvailabilityInputSchema = z
  .object({ timeZone: TimeZoneSchema })
  .catchall(z.string().max(10))
  .transform(({ timeZone, ...fields }, ctx) => {
    const windows: { weekday: number; startMinute: number; endMinute: number }[] = [];
    for (let weekday = 0; weekday < 7; weekday += 1) {
      const start = fields[`start.${weekday}`] ?? "";
      const end = fields[`end.${weekday}`] ?? "";
      if (!start && !end) continue;
      const startMinute = toMinutes(start);
      const endMinute = toMinutes(end);
      if (startMinute === null || endMinute === null || endMinute - startMinute < 30) {
        ctx.addIssue({
          code: "custom",
          path: [`end.${weekday}`],
          message: "Enter a start and an end at least 30 minutes apart.",
        });
        continue;
      }
      windows.push({ weekday, startMinute, endMinute });
    }
    return { timeZone, windows };
  });
export type SetAvailabilityInput = z.infer<typeof SetAvailabilityInputSchema>;

export const ReissueCodeInputSchema = z.object({
  credentialId: CredentialIdSchema,
  recheck: z
    .string()
    .trim()
    .min(10, "Describe the identity re-check you made (at least 10 characters).")
    .max(500),
});
export type ReissueCodeInput = z.infer<typeof ReissueCodeInputSchema>;
