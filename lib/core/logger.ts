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
];

let instance: pino.Logger | undefined;

export function logger(): pino.Logger {
  instance ??= pino({ level: env().LOG_LEVEL, redact: { paths: REDACT, censor: "[redacted]" } });
  return instance;
}
