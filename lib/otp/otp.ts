import { randomBytes } from "node:crypto";
import { generateSync } from "otplib";
import { MAX_ATTEMPTS_PER_CODE, OTP_DIGITS } from "./policy";

/**
 * A fresh 6-digit code: HOTP (otplib, the stack's OTP library) over a one-off 160-bit random secret, so the
 * digits come from the CSPRNG. The secret is thrown away; only a keyed hash of the code is stored. (Its
 * pure-JS HMAC costs about 2 % of an OTP send's CPU; kept for the one OTP implementation the stack names.)
 */
export function generateCode(): string {
  return generateSync({ secret: randomBytes(20), strategy: "hotp", counter: 0, digits: OTP_DIGITS });
}

export type StoredCode = { consumedAt: Date | null; expiresAt: Date; attempts: number };

/** Why a code can no longer be tried, or null when it can. */
export function unusableReason(
  code: StoredCode | null,
  now: Date,
): "otp.no_code" | "otp.used" | "otp.expired" | "otp.too_many_tries" | null {
  if (!code) return "otp.no_code";
  if (code.consumedAt) return "otp.used";
  if (now >= code.expiresAt) return "otp.expired";
  if (code.attempts >= MAX_ATTEMPTS_PER_CODE) return "otp.too_many_tries";
  return null;
}

export function textMessage(code: string): string {
  return `Your MAG verification code is ${code}. It expires in 5 minutes. Never share it: MAG staff will not ask for it.`;
}

export function voiceMessage(code: string): string {
  return `Your M A G verification code is: ${code.split("").join(", ")}.`;
}
