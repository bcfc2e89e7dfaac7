import "server-only";
import twilio from "twilio";
import { env, isTwilioConfigured } from "@/lib/core/env";
import { logger } from "@/lib/core/logger";

export type StatusCallbackResult = "accepted" | "forbidden" | "not_found";

/**
 * Twilio's delivery status callback. Accepted only with a valid X-Twilio-Signature over the public URL and
 * the form parameters; logs the outcome without the number. A failed delivery never signs anyone in: codes
 * are checked against what the user typed, not against delivery reports.
 */
export function handleTwilioStatus(rawBody: string, signature: string | null): StatusCallbackResult {
  if (!isTwilioConfigured()) return "not_found";
  const e = env();
  const params = Object.fromEntries(new URLSearchParams(rawBody));
  const url = new URL("/api/webhooks/twilio", e.APP_URL).toString();
  if (!signature || !twilio.validateRequest(e.TWILIO_AUTH_TOKEN!, signature, url, params)) return "forbidden";
  const status = params.MessageStatus ?? params.CallStatus ?? "unknown";
  const level = ["failed", "undelivered", "busy", "no-answer"].includes(status) ? "warn" : "info";
  logger()[level](
    { sid: params.MessageSid ?? params.CallSid, status, errorCode: params.ErrorCode },
    "twilio status",
  );
  return "accepted";
}
