export const ADMIN_ERRORS = {
  "admin.user_not_found": "No such user.",
  "admin.cannot_change_self": "Staff cannot act on their own account; ask another staff member.",
  "admin.nothing_to_lift": "This account's phone OTP is not locked.",
  "admin.session_not_found": "This session has already ended.",
  "admin.credential_not_revocable": "This credential is already revoked.",
} as const;

export type AdminErrorCode = keyof typeof ADMIN_ERRORS;
