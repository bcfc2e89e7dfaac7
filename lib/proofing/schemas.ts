import { z } from "zod";
import { CountrySchema, PersonNameSchema } from "@/lib/accounts/schemas";
import { normalizeSsn, US_STATES } from "./proofing";

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

const text = (label: string, max = 100) =>
  z
    .string()
    .trim()
    .min(1, `Enter your ${label}.`)
    .max(max, `Your ${label} must be at most ${max} characters.`)
    .regex(/^[^<>{}\u0000-\u001f]+$/, `Your ${label} contains characters we cannot accept.`);

const optionalText = (label: string) =>
  z
    .string()
    .trim()
    .max(100, `Your ${label} must be at most 100 characters.`)
    .regex(/^[^<>{}\u0000-\u001f]*$/, `Your ${label} contains characters we cannot accept.`)
    .default("");

export const SubmitIdentityInputSchema = z.object({
  credentialId: CredentialIdSchema,
  firstName: PersonNameSchema("legal first name"),
  middleName: optionalText("middle name"),
  lastName: PersonNameSchema("legal last name"),
  birthDate: z.iso.date("Enter your date of birth."),
  addressLine1: text("street address"),
  addressLine2: optionalText("address line 2"),
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
