import { z } from "zod";
import { ReturnPathSchema } from "@/lib/core/return-path";

export const StartPhoneRegistrationInputSchema = z
  .object({
    credentialId: z.uuid(),
    country: z.string().trim().toUpperCase().min(2, "Select your country.").max(2, "Select your country."),
    phone: z.string().trim().min(1, "Enter your phone number.").max(30, "This phone number is too long."),
    phoneConfirm: z
      .string()
      .trim()
      .min(1, "Enter your phone number again.")
      .max(30, "This phone number is too long."),
    channel: z.enum(["SMS", "VOICE"], "Choose Send Text or Send Voice."),
  })
  .refine((v) => v.phone.replace(/\D/g, "") === v.phoneConfirm.replace(/\D/g, ""), {
    path: ["phoneConfirm"],
    message: "The two phone numbers do not match.",
  });
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
