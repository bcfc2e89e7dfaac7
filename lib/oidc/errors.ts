import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const OIDC_ERRORS = {
  "oidc.interaction_expired": {
    message: "This sign-in request has expired. Go back to the application and sign in again.",
    status: 404,
  },
  "oidc.connection_not_found": { message: "This application is not connected to your account.", status: 404 },
} as const satisfies Record<`oidc.${string}`, ErrorEntry>;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof OIDC_ERRORS> {}
}
