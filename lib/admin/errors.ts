import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const ADMIN_ERRORS = {
  "admin.user_not_found": { message: "No such user.", status: 404 },
  "admin.account_closed": {
    message:
      "Its owner closed this account: only they can reopen it, by signing in within 30 days of closing it.",
    status: 409,
  },
  "admin.cannot_change_self": {
    message: "Staff cannot act on their own account; ask another staff member.",
    status: 400,
  },
  "admin.identity_recheck_required": {
    message:
      "This user's identity was verified: check it again with a photo ID on video or a new live video proofing before resetting their phones.",
    status: 400,
  },
  "admin.identity_unchanged": {
    message: "Enter the new legal name, or tick that the date of birth changed.",
    status: 400,
  },
  "admin.nothing_to_lift": { message: "This account's phone OTP is not locked.", status: 400 },
  "admin.session_not_found": { message: "This session has already ended.", status: 404 },
  "admin.staff_account": {
    message: "Only an administrator can act on a staff account.",
    status: 403,
  },
  "admin.credential_not_revocable": { message: "This credential is already revoked.", status: 400 },
} as const satisfies Record<`admin.${string}`, ErrorEntry>;

export type AdminErrorCode = keyof typeof ADMIN_ERRORS;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof ADMIN_ERRORS> {}
}
