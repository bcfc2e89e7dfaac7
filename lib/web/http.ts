import "server-only";
import type { z } from "zod";
import { DomainError, type ErrorCode } from "@/lib/core/errors";
import { errorMessage, errorStatus, messageFor } from "@/lib/errors/catalog";
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
      { status: errorStatus(error.code), headers: retry ? { "Retry-After": String(retry) } : {} },
    );
  }
  return jsonError("internal.unexpected", 500, { requestId: logUnexpected(error, "api request failed") });
}
