import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const ACCOUNT_ERRORS = {
  "accounts.invalid_credentials": {
    message: "The email address or user ID and password do not match our records.",
    status: 401,
  },
  "accounts.too_many_attempts": {
    message: "Too many sign-in attempts. Please wait before trying again.",
    status: 429,
  },
  "accounts.email_not_verified": {
    message: "Please verify your email address first. We have sent a new verification link to your email.",
    status: 403,
  },
  "accounts.name_locked": {
    message:
      "Your name was verified in identity proofing, so it cannot be changed here. Contact MAG Customer Support with the reason (a marriage, a correction); they change it and you may need to verify your identity again.",
    status: 409,
  },
  "accounts.account_disabled": { message: "This account is disabled. Please contact support.", status: 403 },
  "accounts.username_taken": {
    message: "This User ID is already taken. Please choose another.",
    status: 400,
  },
  "accounts.link_invalid": {
    message: "This link is invalid or has expired. Please request a new one.",
    status: 400,
  },
  "accounts.email_unchanged": { message: "This is already your email address.", status: 400 },
  "accounts.email_in_use": {
    message:
      "This email address now belongs to another MAG account, so it cannot be used. Contact MAG Customer Support if you need help.",
    status: 409,
  },
  "accounts.account_closed": {
    message: "This account is closed. Sign in on the MAG website within 30 days of closing to reopen it.",
    status: 403,
  },
  "accounts.staff_cannot_close": {
    message: "Staff accounts cannot be closed here. Ask an administrator to remove your staff role first.",
    status: 403,
  },
  "accounts.reopen_expired": {
    message:
      "This offer has expired, or the account can no longer be reopened. Sign in again to see your options.",
    status: 400,
  },
  "accounts.current_password_incorrect": { message: "Your current password is incorrect.", status: 400 },
  "accounts.too_many_requests": {
    message: "Too many requests. Please wait before trying again.",
    status: 429,
  },
} as const satisfies Record<`accounts.${string}`, ErrorEntry>;

export type AccountErrorCode = keyof typeof ACCOUNT_ERRORS;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof ACCOUNT_ERRORS> {}
}
