import "server-only";
import type { z } from "zod";
import { DomainError, type ErrorCode } from "@/lib/core/errors";
import { errorMessage, errorStatus, messageFor } from "@/lib/errors/catalog";
import { noteDatabaseOutage, OUTAGE_RETRY_AFTER_SECONDS } from "@/lib/core/db-outage";
import { logUnexpected } from "@/lib/core/logger";

// The JSON side of "errors as codes": the same DomainError codes as the forms, each with its catalog status.

export function jsonError(
  code: ErrorCode,
  status: number,
  extra: Record<string, unknown> = {},
  headers: HeadersInit = {},
) {
  return Response.json({ error: { code, message: errorMessage(code), ...extra } }, { status, headers });
}

/** Exactly application/json, with at most a UTF-8 charset: not "text/plain; x=application/json". */
export function isJsonMediaType(contentType: string | null): boolean {
  const [type, ...parameters] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  return (
    type === "application/json" && parameters.every((p) => p === "charset=utf-8" || p === 'charset="utf-8"')
  );
}

/** Parses a JSON body with `schema`; bad JSON or fields answer 400 with the field messages. */
export async function parseJson<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.infer<S> | Response> {
  if (!isJsonMediaType(request.headers.get("content-type"))) return jsonError("request.media_type", 415);
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

/**
 * Maps a thrown error to a JSON response: DomainErrors by code, an unreachable database as 503 with
 * Retry-After (never 500: the client should simply try again), anything else as a logged 500.
 */
export function errorResponse(error: unknown): Response {
  if (noteDatabaseOutage(error)) {
    const retryAfter = { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) };
    return jsonError("service.unavailable", 503, {}, retryAfter);
  }
  if (error instanceof DomainError) {
    const retry = error.details.retryAfterSeconds;
    return Response.json(
      { error: { code: error.code, message: messageFor(error), fields: error.details.fieldErrors } },
      { status: errorStatus(error.code), headers: retry ? { "Retry-After": String(retry) } : {} },
    );
  }
  return jsonError("internal.unexpected", 500, { requestId: logUnexpected(error, "api request failed") });
}
