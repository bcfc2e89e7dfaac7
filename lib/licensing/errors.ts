import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const LICENSING_ERRORS = {
  "licensing.key_invalid": {
    message: "This license key is not valid. Check it against your confirmation email and try again.",
    status: 400,
  },
  "licensing.key_used": { message: "This license key has already been used.", status: 409 },
  "licensing.no_unused_key": { message: "This order has no unused license key to revoke.", status: 409 },
  "licensing.key_revoked": {
    message:
      "This license key was replaced or revoked. Use the newest key from your email, or contact support.",
    status: 409,
  },
  "licensing.too_many_attempts": {
    message: "Too many license key attempts. Please wait before trying again.",
    status: 429,
  },
  "licensing.upgrade_not_applicable": {
    message: "A proofing upgrade needs a phone OTP credential without proofing on your account.",
    status: 400,
  },
  "licensing.order_not_found": { message: "No such order.", status: 404 },
  "licensing.order_not_paid": {
    message: "This order is not paid yet, so it has no license key.",
    status: 400,
  },
} as const satisfies Record<`licensing.${string}`, ErrorEntry>;

export type LicensingErrorCode = keyof typeof LICENSING_ERRORS;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof LICENSING_ERRORS> {}
}
