import { z } from "zod";
import { ReturnPathSchema } from "@/lib/core/return-path";

/** A new phone's number, typed twice, and how its confirmation code goes out. */
const NewPhoneFields = z.object({
  country: z.string().trim().toUpperCase().min(2, "Select your country.").max(2, "Select your country."),
  phone: z.string().trim().min(1, "Enter your phone number.").max(30, "This phone number is too long."),
  phoneConfirm: z
    .string()
    .trim()
    .min(1, "Enter your phone number again.")
    .max(30, "This phone number is too long."),
  channel: z.enum(["SMS", "VOICE"], "Choose Send Text or Send Voice."),
});

const numbersMatch = (v: { phone: string; phoneConfirm: string }) =>
  v.phone.replace(/\D/g, "") === v.phoneConfirm.replace(/\D/g, "");
const NUMBERS_DIFFER = { path: ["phoneConfirm"], message: "The two phone numbers do not match." };

export const StartPhoneRegistrationInputSchema = NewPhoneFields.extend({ credentialId: z.uuid() }).refine(
  numbersMatch,
  NUMBERS_DIFFER,
);
export type StartPhoneRegistrationInput = z.infer<typeof StartPhoneRegistrationInputSchema>;

export const CodeSchema = z
  .string()
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code."));

export const ConfirmPhoneInputSchema = z.object({ credentialId: z.uuid(), code: CodeSchema });
export type ConfirmPhoneInput = z.infer<typeof ConfirmPhoneInputSchema>;

export const SendSignInCodeInputSchema = z.object({
  phoneId: z.uuid("Choose a phone."),
  channel: z.enum(["SMS", "VOICE"], "Choose Send Text or Send Voice."),
});
export type SendSignInCodeInput = z.infer<typeof SendSignInCodeInputSchema>;

export const VerifySignInCodeInputSchema = z.object({ code: CodeSchema, next: ReturnPathSchema });

export const PhoneIdInputSchema = z.object({ phoneId: z.uuid("Choose a phone.") });
export type PhoneIdInput = z.infer<typeof PhoneIdInputSchema>;

export const ConfirmStepUpInputSchema = z.object({ code: CodeSchema, next: ReturnPathSchema });

/** The new phone that replaces lost ones after a recovery code (no credential named: the portal picks it). */
export const RecoveryPhoneInputSchema = NewPhoneFields.refine(numbersMatch, NUMBERS_DIFFER);
export type RecoveryPhoneInput = z.infer<typeof RecoveryPhoneInputSchema>;

export const RecoveryPhoneCodeInputSchema = z.object({ code: CodeSchema, next: ReturnPathSchema });
