// Webhook events as Stripe sends them: pretty-printed JSON, signed with the endpoint secret.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

export const WEBHOOK_SECRET = "whsec_integration_0123456789abcdef0123456789abcdef";

export type TestEvent = { id: string; type: string; data: { object: object } } & Record<string, unknown>;

export function stripeEvent(
  type: string,
  object: object,
  id = `evt_${randomBytes(12).toString("hex")}`,
): TestEvent {
  return {
    id,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** The body Stripe posts: its JSON is indented, so re-serialising it changes the bytes. */
export function payloadOf(event: TestEvent): string {
  return JSON.stringify(event, null, 2);
}

/** A Stripe-Signature header; `timestamp` in seconds (defaults to now). */
export function signatureFor(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    ...(options.timestamp !== undefined && { timestamp: options.timestamp }),
  });
}

/** The POST Stripe makes to our endpoint. */
export function webhookRequest(payload: string, signature: string | null): Request {
  return new Request("http://127.0.0.1:3100/api/webhooks/stripe", {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...(signature && { "stripe-signature": signature }),
    },
    body: payload,
  });
}
