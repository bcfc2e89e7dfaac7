import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const RECOVERY_ERRORS = {
  "recovery.code_invalid": {
    message: "This recovery code is not valid, or it was already used. Check it and try another one.",
    status: 400,
  },
  "recovery.no_phones": {
    message: "Register a phone first: recovery codes stand in for your phones when you lose them all.",
    status: 409,
  },
  "recovery.too_many_attempts": {
    message: "Too many wrong recovery codes. Recovery is locked for an hour; contact MAG Customer Support.",
    status: 429,
  },
} as const satisfies Record<`recovery.${string}`, ErrorEntry>;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof RECOVERY_ERRORS> {}
}
