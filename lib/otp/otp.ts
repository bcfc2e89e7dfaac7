import { randomInt } from "node:crypto";
import { MAX_ATTEMPTS_PER_CODE, OTP_DIGITS } from "./policy";

/**
 * A fresh 6-digit code, uniform from the CSPRNG (crypto.randomInt rejects biased draws). Only a keyed
 * hash of it is stored. (HOTP over a throw-away random secret gave the same distribution through a
 * pure-JS HMAC, 2 % of an OTP send's CPU.)
 */
export function generateCode(): string {
  return String(randomInt(10 ** OTP_DIGITS)).padStart(OTP_DIGITS, "0");
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
