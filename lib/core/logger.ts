import "server-only";
import { randomUUID } from "node:crypto";
import pino from "pino";
import { env } from "./env";
import { currentRequest } from "./request-context";

// Redaction is a safety net: callers must not pass secrets or PII in the first place.
const REDACT = [
  "password",
  "*.password",
  "code",
  "*.code",
  "token",
  "*.token",
  "ticket",
  "*.ticket",
  "email",
  "*.email",
  "phone",
  "*.phone",
  "to",
  "*.to",
  "body",
  "*.body",
  "ssn",
  "*.ssn",
];

let instance: pino.Logger | undefined;

export function logger(): pino.Logger {
  if (!instance) {
    const { LOG_LEVEL, LOG_FILE } = env();
    const destination = LOG_FILE
      ? pino.destination({ dest: LOG_FILE, mkdir: true, append: true })
      : undefined;
    instance = pino(
      {
        level: LOG_LEVEL,
        redact: { paths: REDACT, censor: "[redacted]" },
        // Every line logged while serving a request carries its id (also sent back as X-Request-Id).
        mixin: () => {
          const requestId = currentRequest()?.requestId;
          return requestId ? { requestId } : {};
        },
      },
      destination,
    );
  }
  return instance;
}

/**
 * Logs an error nobody expected (a bug, the database down) with its stack under the request's id (a new one
 * outside a request), and returns the id so that the answer can carry it for support to find the log line.
 */
export function logUnexpected(error: unknown, what: string, context: Record<string, unknown> = {}): string {
  const requestId = currentRequest()?.requestId ?? randomUUID();
  const err =
    error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error);
  logger().error({ ...context, requestId, err }, what);
  return requestId;
}
