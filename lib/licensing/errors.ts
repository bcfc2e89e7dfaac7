export const LICENSING_ERRORS = {
  "licensing.key_invalid":
    "This license key is not valid. Check it against your confirmation email and try again.",
  "licensing.key_used": "This license key has already been used.",
  "licensing.no_unused_key": "This order has no unused license key to revoke.",
  "licensing.key_revoked":
    "This license key was replaced or revoked. Use the newest key from your email, or contact support.",
  "licensing.too_many_attempts": "Too many license key attempts. Please wait before trying again.",
  "licensing.upgrade_not_applicable":
    "A proofing upgrade needs a phone OTP credential without proofing on your account.",
  "licensing.order_not_found": "No such order.",
  "licensing.order_not_paid": "This order is not paid yet, so it has no license key.",
} as const;

export type LicensingErrorCode = keyof typeof LICENSING_ERRORS;
