import "server-only";
import pino from "pino";
import { env } from "./env";

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
    instance = pino({ level: LOG_LEVEL, redact: { paths: REDACT, censor: "[redacted]" } }, destination);
  }
  return instance;
}
