import { ACCOUNT_ERRORS } from "@/lib/accounts/errors";
import { ADMIN_ERRORS } from "@/lib/admin/errors";
import {
  CORE_ERRORS,
  formatWait,
  type DomainError,
  type ErrorCode,
  type ErrorEntry,
} from "@/lib/core/errors";
import { CREDENTIAL_ERRORS } from "@/lib/credentials/errors";
import { LICENSING_ERRORS } from "@/lib/licensing/errors";
import { OIDC_ERRORS } from "@/lib/oidc/errors";
import { OTP_ERRORS } from "@/lib/otp/errors";
import { PAYMENT_ERRORS } from "@/lib/payments/errors";
import { PHONE_ERRORS } from "@/lib/phones/errors";
import { PROOFING_ERRORS } from "@/lib/proofing/errors";
import { RECOVERY_ERRORS } from "@/lib/recovery/errors";
import { SESSION_ERRORS } from "@/lib/sessions/errors";
import { STORE_ERRORS } from "@/lib/store/errors";

// The one error catalog: every code with its message and HTTP status. `satisfies` fails the typecheck when a
// module declares a code whose table is not gathered here.
export const ERROR_CATALOG = {
  ...CORE_ERRORS,
  ...ACCOUNT_ERRORS,
  ...ADMIN_ERRORS,
  ...STORE_ERRORS,
  ...PAYMENT_ERRORS,
  ...LICENSING_ERRORS,
  ...CREDENTIAL_ERRORS,
  ...PHONE_ERRORS,
  ...OTP_ERRORS,
  ...OIDC_ERRORS,
  ...PROOFING_ERRORS,
  ...RECOVERY_ERRORS,
  ...SESSION_ERRORS,
} as const satisfies Record<ErrorCode, ErrorEntry>;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOG, code);
}

export function errorMessage(code: ErrorCode): string {
  return ERROR_CATALOG[code].message;
}

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOG[code].status;
}

/** The error's message, with the wait when it is a rate limit. */
export function messageFor(error: DomainError): string {
  const base = errorMessage(error.code);
  const wait = error.details.retryAfterSeconds;
  return wait ? `${base} Try again in ${formatWait(wait)}.` : base;
}
