// Every phone OTP number in one place, each with its public source: NIST SP 800-63B, Login.gov (18F/identity-idp),
// Twilio Verify's documentation, Better Auth (better-auth/better-auth), Okta and Auth0.

/** 6 digits (20 bits): NIST SP 800-63B §5.1.3.2; Login.gov DIRECT_OTP_LENGTH; Twilio Verify default. */
export const OTP_DIGITS = 6;
/** Valid 5 minutes: Better Auth phone plugin 300 s, Okta 5 min; NIST caps OOB codes at 10 min. */
export const OTP_TTL_MS = 5 * 60 * 1000;
/** Wrong tries per code: Twilio Verify 60202 (5 checks), Better Auth 2FA 5. */
export const MAX_ATTEMPTS_PER_CODE = 5;
/** Consecutive failures per account across codes and resends before a lock: Login.gov 10, Better Auth 10. */
export const MAX_CONSECUTIVE_FAILURES = 10;
/**
 * Lock length after that, growing with each lock since the last successful sign-in: 15 min (Better Auth), then
 * 1 h, then 4 h for every later one, so a patient guesser gets about 6 tries an hour at most.
 */
export const LOCKOUT_LADDER_MS = [15 * 60 * 1000, 60 * 60 * 1000, 4 * 60 * 60 * 1000] as const;
/**
 * Wrong codes on one account since its last successful phone OTP sign-in before phone sign-in is disabled
 * until support recovers the account (Login.gov's lifetime cap on OTP attempts; 100 × 10⁻⁶ per guess).
 */
export const MAX_FAILURES_SINCE_SIGN_IN = 100;
/** Warn when this many tries remain before the lock: Login.gov. */
export const WARN_WHEN_REMAINING = 3;
/** Phones per credential: the user guide ("up to three"). */
export const MAX_PHONES_PER_CREDENTIAL = 3;
/** Changing phones needs a phone-OTP sign-in this recent: NIST 800-63B §6.1.2.1 / Login.gov reauthn_window 1200 s. */
export const FRESH_OTP_WINDOW_MS = 20 * 60 * 1000;

/**
 * Send limits (rate-limit names in lib/core/rate-limit.ts), voice counted like text:
 * - otp.send.phone_gap: 1 per 30 s per phone number, across accounts (Okta 1 per 30 s).
 * - otp.send.phone: 5 per 10 min per phone number (Twilio Verify 60203).
 * - otp.send.account: 10 per hour per account (Auth0 > 10 SMS/h).
 * - otp.send.ip: 25 per 5 min per IP (Login.gov otps/IP 25/300 s, enforced here).
 * The two per-number limits are kept apart for registration codes and sign-in/step-up codes (sendScope).
 */
export const SEND_LIMITS = [
  "otp.send.phone_gap",
  "otp.send.phone",
  "otp.send.account",
  "otp.send.ip",
] as const;
