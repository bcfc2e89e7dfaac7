// Errors as stable codes (`<module>.<snake_case>`). Each module declares its codes with their message and HTTP
// status in its own errors.ts, which adds them to `ErrorCatalog` below (a type-only declaration, so this base
// layer imports no module); lib/errors/catalog.ts gathers the tables for the code that shows them.

export type ErrorEntry = { message: string; status: number };

/** A module's table of codes, as it extends `ErrorCatalog`. */
export type ErrorTable<T extends Record<string, ErrorEntry>> = { [K in keyof T]: ErrorEntry };

export const CORE_ERRORS = {
  "auth.unauthenticated": { message: "Please sign in to continue.", status: 401 },
  "auth.forbidden": { message: "You do not have access to this page.", status: 403 },
  "auth.step_up_required": {
    message:
      "This action changes someone's access: confirm it is you with a phone code first (Confirm it's you), then try again.",
    status: 403,
  },
  "input.invalid": { message: "Please correct the highlighted fields.", status: 400 },
  "internal.unexpected": { message: "Something went wrong on our side. Please try again.", status: 503 },
  "request.cross_site": {
    message: "This request came from another site and was refused. Open the portal itself and try again.",
    status: 403,
  },
  "request.media_type": { message: "Send the body as application/json.", status: 415 },
  "request.method": { message: "This address answers POST requests only.", status: 405 },
  "request.too_large": { message: "The request body is too large.", status: 413 },
  "service.unavailable": {
    message: "The portal cannot reach its database right now. Please try again in a few seconds.",
    status: 503,
  },
} as const satisfies Record<string, ErrorEntry>;

/** Every error code of the portal: each module's errors.ts adds its own (`declare module`). */
export interface ErrorCatalog extends ErrorTable<typeof CORE_ERRORS> {}

export type ErrorCode = Extract<keyof ErrorCatalog, string>;

export type ErrorDetails = {
  /** Seconds until a rate-limited action may be tried again. */
  retryAfterSeconds?: number;
  /** Field name → message, for errors that belong next to a field. */
  fieldErrors?: Record<string, string>;
};

/** An expected failure the user can act on; anything else is unexpected and logged. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(code);
    this.name = "DomainError";
  }
}

/** "5 seconds", "2 minutes": a wait rounded up, so the user never retries too early. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `${minutes / 60} hour${minutes === 60 ? "" : "s"}`;
}
