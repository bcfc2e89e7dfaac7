import "server-only";
import type { z } from "zod";
import { DomainError, ERROR_MESSAGES, messageFor, type ErrorCode } from "./errors";
import { logger } from "./logger";

// The JSON side of "errors as codes": the same DomainError codes as the forms, with HTTP statuses.
const STATUS_BY_PREFIX: [RegExp, number][] = [
  [/too_many|limited|locked/, 429],
  [/^auth\.unauthenticated$|invalid_credentials|challenge_expired/, 401],
  [/^auth\.forbidden$|disabled|not_verified/, 403],
  [/not_found/, 404],
  [/used|revoked|locked|not_open/, 409],
  [/delivery_failed|unavailable|unexpected/, 503],
];

function statusFor(code: ErrorCode): number {
  return STATUS_BY_PREFIX.find(([pattern]) => pattern.test(code))?.[1] ?? 400;
}

export function jsonError(
  code: ErrorCode,
  status: number,
  extra: Record<string, unknown> = {},
  headers: HeadersInit = {},
) {
  return Response.json({ error: { code, message: ERROR_MESSAGES[code], ...extra } }, { status, headers });
}

/** Parses a JSON body with `schema`; bad JSON or fields answer 400 with the field messages. */
export async function parseJson<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.infer<S> | Response> {
  if (!request.headers.get("content-type")?.includes("application/json")) {
    return jsonError("input.invalid", 415, { detail: "Send application/json." });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return jsonError("input.invalid", 400, { detail: "The body is not valid JSON." });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "body")] ??= issue.message;
    return jsonError("input.invalid", 400, { fields });
  }
  return parsed.data;
}

/** Maps a thrown error to a JSON response: DomainErrors by code, anything else as a logged 503. */
export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const retry = error.details.retryAfterSeconds;
    return Response.json(
      { error: { code: error.code, message: messageFor(error), fields: error.details.fieldErrors } },
      { status: statusFor(error.code), headers: retry ? { "Retry-After": String(retry) } : {} },
    );
  }
  logger().error({ err: error instanceof Error ? error.message : String(error) }, "api request failed");
  return jsonError("internal.unexpected", 500);
}
