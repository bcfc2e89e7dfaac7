export const OTP_ERRORS = {
  "otp.incorrect": "That code is not correct.",
  "otp.expired": "This code has expired. Please request a new one.",
  "otp.used": "This code was already used. Please request a new one.",
  "otp.no_code": "Please request a code first.",
  "otp.too_many_tries": "Too many wrong tries for this code. Please request a new one.",
  "otp.locked": "Too many wrong codes. For your protection, codes are locked for 15 minutes; we emailed you.",
  "otp.send_limited": "Too many codes were requested. Please wait before asking for another one.",
  "otp.delivery_failed": "We could not deliver the code right now. Please try again in a moment.",
  "otp.undeliverable": "This phone number cannot receive codes. Please use another number.",
  "otp.challenge_expired": "Your sign-in took too long. Please log in again.",
} as const;

export type OtpErrorCode = keyof typeof OTP_ERRORS;
