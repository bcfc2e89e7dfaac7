export const ACCOUNT_ERRORS = {
  "accounts.invalid_credentials": "The email address or user ID and password do not match our records.",
  "accounts.too_many_attempts": "Too many sign-in attempts. Please wait before trying again.",
  "accounts.email_not_verified":
    "Please verify your email address first. We have sent a new verification link to your email.",
  "accounts.account_disabled": "This account is disabled. Please contact support.",
  "accounts.username_taken": "This User ID is already taken. Please choose another.",
  "accounts.link_invalid": "This link is invalid or has expired. Please request a new one.",
  "accounts.current_password_incorrect": "Your current password is incorrect.",
  "accounts.too_many_requests": "Too many requests. Please wait before trying again.",
} as const;

export type AccountErrorCode = keyof typeof ACCOUNT_ERRORS;
