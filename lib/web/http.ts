import "server-only";
import type { z } from "zod";
import { DomainError, type ErrorCode } from "@/lib/core/errors";
import { errorMessage, errorStatus, messageFor } from "@/lib/errors/catalog";
import { noteDatabaseOutage, OUTAGE_RETRY_AFTER_SECONDS } from "@/lib/core/db-outage";
import { logUnexpected } from "@/lib/core/logger";

// The JSON side of "errors as codes": the same DomainError codes as the forms, each with its catalog status.

/** A JSON answer before it is written: by a route handler (as a Response) or by the lean API (lib/api). */
export type JsonAnswer = { status: number; body: unknown; headers?: Record<string, string> };

export function jsonErrorAnswer(
  code: ErrorCode,
  status: number,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): JsonAnswer {
  return { status, body: { error: { code, message: errorMessage(code), ...extra } }, headers };
}

export function toResponse(answer: JsonAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

export function jsonError(
  code: ErrorCode,
  status: number,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return toResponse(jsonErrorAnswer(code, status, extra, headers));
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
  const parsed = parseJsonText(await request.text(), schema);
  return parsed.ok ? parsed.data : toResponse(parsed.answer);
}

/** The body's text parsed with `schema`, or the 400 answer naming what is wrong. */
export function parseJsonText<S extends z.ZodType>(
  text: string,
  schema: S,
): { ok: true; data: z.infer<S> } | { ok: false; answer: JsonAnswer } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {
      ok: false,
      answer: jsonErrorAnswer("input.invalid", 400, { detail: "The body is not valid JSON." }),
    };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "body")] ??= issue.message;
  return { ok: false, answer: jsonErrorAnswer("input.invalid", 400, { fields }) };
}

/**
 * Maps a thrown error to a JSON response: DomainErrors by code, an unreachable database as 503 with
 * Retry-After (never 500: the client should simply try again), anything else as a logged 500.
 */
export function errorResponse(error: unknown): Response {
  return toResponse(errorAnswer(error));
}

export function errorAnswer(error: unknown): JsonAnswer {
  if (noteDatabaseOutage(error)) {
    const retryAfter = { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) };
    return jsonErrorAnswer("service.unavailable", 503, {}, retryAfter);
  }
  if (error instanceof DomainError) {
    const retry = error.details.retryAfterSeconds;
    return {
      status: errorStatus(error.code),
      body: { error: { code: error.code, message: messageFor(error), fields: error.details.fieldErrors } },
      headers: retry ? { "Retry-After": String(retry) } : {},
    };
  }
  return jsonErrorAnswer("internal.unexpected", 500, {
    requestId: logUnexpected(error, "api request failed"),
  });
}
