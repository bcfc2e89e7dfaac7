import "server-only";
import twilio from "twilio";
import { env, isTwilioConfigured } from "@/lib/core/env";
import { logger } from "@/lib/core/logger";
import { saveDeliveryReport } from "./repository";

export type StatusCallbackResult = "accepted" | "forbidden" | "not_found";

/**
 * Twilio's delivery status callback. Accepted only with a valid X-Twilio-Signature over the public URL and
 * the form parameters; keeps the report for support (Code deliveries) and logs it without the number. A failed
 * delivery never signs anyone in: codes are checked against what the user typed, not against delivery reports.
 */
export async function handleTwilioStatus(
  rawBody: string,
  signature: string | null,
  now = new Date(),
): Promise<StatusCallbackResult> {
  if (!isTwilioConfigured()) return "not_found";
  const e = env();
  const params = Object.fromEntries(new URLSearchParams(rawBody));
  const url = new URL("/api/webhooks/twilio", e.APP_URL).toString();
  if (!signature || !twilio.validateRequest(e.TWILIO_AUTH_TOKEN!, signature, url, params)) return "forbidden";
  const sid = params.MessageSid ?? params.CallSid;
  const status = params.MessageStatus ?? params.CallStatus ?? "unknown";
  const errorCode = params.ErrorCode || null;
  if (sid) await saveDeliveryReport({ sid, status, errorCode, at: now });
  const level = ["failed", "undelivered", "busy", "no-answer"].includes(status) ? "warn" : "info";
  logger()[level]({ sid, status, errorCode }, "twilio status");
  return "accepted";
}
