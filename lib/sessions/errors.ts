import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const SESSION_ERRORS = {
  "sessions.use_sign_out": {
    message: "This is the browser you are using: sign out of it with Sign Out at the top of the page.",
    status: 400,
  },
  "sessions.not_found": {
    message: "That session has already ended.",
    status: 404,
  },
} as const satisfies Record<`sessions.${string}`, ErrorEntry>;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof SESSION_ERRORS> {}
}
