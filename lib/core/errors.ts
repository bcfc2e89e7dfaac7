import { ACCOUNT_ERRORS } from "@/lib/accounts/errors";
import { ADMIN_ERRORS } from "@/lib/admin/errors";
import { CREDENTIAL_ERRORS } from "@/lib/credentials/errors";
import { LICENSING_ERRORS } from "@/lib/licensing/errors";
import { OTP_ERRORS } from "@/lib/otp/errors";
import { PAYMENT_ERRORS } from "@/lib/payments/errors";
import { PHONE_ERRORS } from "@/lib/phones/errors";
import { PROOFING_ERRORS } from "@/lib/proofing/errors";
import { STORE_ERRORS } from "@/lib/store/errors";

// Every user-facing error, by stable code (`<module>.<snake_case>`). Modules add their map here.
const CORE_ERRORS = {
  "auth.unauthenticated": "Please sign in to continue.",
  "auth.forbidden": "You do not have access to this page.",
  "input.invalid": "Please correct the highlighted fields.",
  "internal.unexpected": "Something went wrong on our side. Please try again.",
} as const;

export const ERROR_MESSAGES = {
  ...CORE_ERRORS,
  ...ACCOUNT_ERRORS,
  ...ADMIN_ERRORS,
  ...STORE_ERRORS,
  ...PAYMENT_ERRORS,
  ...LICENSING_ERRORS,
  ...CREDENTIAL_ERRORS,
  ...PHONE_ERRORS,
  ...OTP_ERRORS,
  ...PROOFING_ERRORS,
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export type ErrorDetails = {
  /** Seconds until a rate-limited action may be tried again. */
  retryAfterSeconds?: number;
  /** Field name → message, for errors that belong next to a field. */
  fieldErrors?: Record<string, string>;
};

/** An expected failure the user can act on; anything else is unexpected and logged. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(code);
    this.name = "DomainError";
  }
}

export function messageFor(error: DomainError): string {
  const base: string = ERROR_MESSAGES[error.code];
  const wait = error.details.retryAfterSeconds;
  return wait ? `${base} Try again in ${formatWait(wait)}.` : base;
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
