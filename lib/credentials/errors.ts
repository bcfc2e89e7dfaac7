export const CREDENTIAL_ERRORS = {
  "credentials.not_found": "No such credential.",
  "credentials.revoked": "This credential has been revoked.",
  "credentials.already_revoked": "This credential is already revoked.",
  "credentials.proofing_not_applicable":
    "This credential is already proofed or waiting for identity proofing.",
  "credentials.not_awaiting_proofing": "This credential is not waiting for identity proofing.",
} as const;

export type CredentialErrorCode = keyof typeof CREDENTIAL_ERRORS;
