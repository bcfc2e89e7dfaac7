export const ADMIN_ERRORS = {
  "admin.user_not_found": "No such user.",
  "admin.cannot_change_self": "You cannot change your own role or status.",
  "admin.nothing_to_lift": "This account's phone OTP is not locked.",
} as const;

export type AdminErrorCode = keyof typeof ADMIN_ERRORS;
