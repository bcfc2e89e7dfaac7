import "server-only";
import type Stripe from "stripe";
import { env } from "@/lib/core/env";
import { errorMessage } from "@/lib/errors/catalog";
import { logger, logUnexpected } from "@/lib/core/logger";
import { isStripeEventProcessed } from "../repository";
import { verifyStripeEvent } from "../stripe-client";
import { onCheckoutSessionPaid, onCheckoutSessionUnpaid } from "./checkout-session";
import { onVerificationSession } from "@/lib/proofing/identity-events";
import { onInvoiceMarkedUncollectible } from "./invoice-marked-uncollectible";
import { onInvoicePaid } from "./invoice-paid";
import { onInvoiceVoided } from "./invoice-voided";

/** Stripe's own default: a signature older than this is a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The events we act on; Stripe may send others (endpoint settings change), which are acknowledged and skipped. */
export const HANDLED_STRIPE_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "invoice.paid",
  "invoice.voided",
  "invoice.marked_uncollectible",
  "identity.verification_session.verified",
  "identity.verification_session.requires_input",
  "identity.verification_session.canceled",
] as const;

type HandledEvent = Extract<Stripe.Event, { type: (typeof HANDLED_STRIPE_EVENTS)[number] }>;

export type WebhookReply =
  | { status: 200; body: { received: true } }
  | { status: 400 | 404 | 500; body: { error: string; message: string } };

const RECEIVED: WebhookReply = { status: 200, body: { received: true } };

/**
 * Verifies a Stripe webhook on its raw body and applies it. Every handler records the event id in the same
 * transaction as its effect, so a redelivered or concurrent copy changes nothing. A refused signature
 * writes nothing; an event for an unknown order is acknowledged (Stripe would retry it for days).
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookReply> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret)
    return { status: 404, body: { error: "not_found", message: "Stripe is not configured here." } };

  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("no Stripe-Signature header");
    event = verifyStripeEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch (error) {
    logger().warn(
      { reason: error instanceof Error ? error.message : String(error) },
      "stripe webhook refused",
    );
    return {
      status: 400,
      body: { error: "payments.webhook_invalid", message: errorMessage("payments.webhook_invalid") },
    };
  }

  if (!isHandled(event)) {
    logger().info({ eventId: event.id, type: event.type }, "stripe event skipped");
    return RECEIVED;
  }
  try {
    if (await isStripeEventProcessed(event.id)) {
      logger().info({ eventId: event.id, type: event.type }, "stripe event already processed");
    }
    // Dispatched even when already processed: the services no-op on a duplicate, and the paid handlers
    // use a redelivery to retry a key email that a crash after the commit left unsent.
    await dispatch(event);
    return RECEIVED;
  } catch (error) {
    // Unexpected (database down, a bug): answer 500 so that Stripe delivers the event again later.
    logUnexpected(error, "stripe webhook failed", { eventId: event.id, type: event.type });
    return {
      status: 500,
      body: { error: "internal.unexpected", message: errorMessage("internal.unexpected") },
    };
  }
}

function isHandled(event: Stripe.Event): event is HandledEvent {
  return (HANDLED_STRIPE_EVENTS as readonly string[]).includes(event.type);
}

async function dispatch(event: HandledEvent): Promise<void> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return onCheckoutSessionPaid(event);
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired":
      return onCheckoutSessionUnpaid(event);
    case "invoice.paid":
      return onInvoicePaid(event);
    case "invoice.voided":
      return onInvoiceVoided(event);
    case "invoice.marked_uncollectible":
      return onInvoiceMarkedUncollectible(event);
    case "identity.verification_session.verified":
    case "identity.verification_session.requires_input":
    case "identity.verification_session.canceled":
      return onVerificationSession(event);
  }
}
