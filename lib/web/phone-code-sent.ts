import type { FormState } from "./action";

/**
 * The send form's answer once a confirmation code went to a new number: what happened, and what the form keeps
 * (the typed number and the code's expiry, for the Verification field's countdown).
 */
export function newPhoneCodeSent(
  input: { country: string; phone: string; phoneConfirm: string; channel: "SMS" | "VOICE" },
  sent: { expiresAt: Date; label: string },
): FormState {
  return {
    status: "success",
    message:
      input.channel === "SMS"
        ? `We texted a code to ${sent.label}.`
        : `We are calling ${sent.label} with a code.`,
    values: {
      country: input.country,
      phone: input.phone,
      phoneConfirm: input.phoneConfirm,
      expiresAt: sent.expiresAt.toISOString(),
    },
  };
}
