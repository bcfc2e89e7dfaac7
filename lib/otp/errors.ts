import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const OTP_ERRORS = {
  "otp.incorrect": { message: "That code is not correct.", status: 400 },
  "otp.expired": { message: "This code has expired. Please request a new one.", status: 400 },
  "otp.used": { message: "This code was already used. Please request a new one.", status: 409 },
  "otp.no_code": { message: "Please request a code first.", status: 400 },
  "otp.too_many_tries": {
    message: "Too many wrong tries for this code. Please request a new one.",
    status: 429,
  },
  "otp.locked": {
    message: "Too many wrong codes. For your protection, codes are locked for a while; we emailed you.",
    status: 429,
  },
  "otp.disabled": {
    message:
      "Too many wrong codes since your last sign-in: signing in with a phone code is disabled for your protection. Contact MAG support to recover your account.",
    status: 403,
  },
  "otp.sim_swap_recent": {
    message:
      "This phone's SIM card was changed or moved to another carrier in the last 72 hours, so we will not send codes to it for now. Please use another of your phones.",
    status: 403,
  },
  "otp.sim_swap_email_sent": {
    message:
      "This phone's SIM card was changed or moved to another carrier in the last 72 hours, so we did not send a code. We emailed you a link: open it to allow one code to this phone, then ask for the code again.",
    status: 403,
  },
  "otp.send_limited": {
    message: "Too many codes were requested. Please wait before asking for another one.",
    status: 429,
  },
  "otp.delivery_failed": {
    message: "We could not deliver the code right now. Please try again in a moment.",
    status: 503,
  },
  "otp.undeliverable": {
    message: "This phone number cannot receive codes. Please use another number.",
    status: 400,
  },
  "otp.challenge_expired": { message: "Your sign-in took too long. Please log in again.", status: 401 },
} as const satisfies Record<`otp.${string}`, ErrorEntry>;

export type OtpErrorCode = keyof typeof OTP_ERRORS;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof OTP_ERRORS> {}
}
