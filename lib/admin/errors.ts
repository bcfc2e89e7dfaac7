export const ADMIN_ERRORS = {
  "admin.user_not_found": "No such user.",
  "admin.cannot_change_self": "You cannot change your own role or status.",
} as const;

export type AdminErrorCode = keyof typeof ADMIN_ERRORS;
