import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const CREDENTIAL_ERRORS = {
  "credentials.not_found": { message: "No such credential.", status: 404 },
  "credentials.revoked": { message: "This credential has been revoked.", status: 409 },
  "credentials.already_revoked": { message: "This credential is already revoked.", status: 409 },
  "credentials.proofing_not_applicable": {
    message: "This credential is already proofed or waiting for identity proofing.",
    status: 400,
  },
  "credentials.not_awaiting_proofing": {
    message: "This credential is not waiting for identity proofing.",
    status: 400,
  },
} as const satisfies Record<`credentials.${string}`, ErrorEntry>;

export type CredentialErrorCode = keyof typeof CREDENTIAL_ERRORS;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof CREDENTIAL_ERRORS> {}
}
