import "server-only";
import { randomBytes } from "node:crypto";
import { DomainError } from "@/lib/core/errors";
import { env } from "@/lib/core/env";
import { closeCheckout, openCheckout, PaymentProviderError } from "@/lib/payments/service";
import * as repo from "./repository";
import { formatOrderNumber, isCheckoutOpen } from "./store";

// Card payments with Stripe: the buyer pays on Stripe Checkout's page, so card numbers never reach us. The
// order stays PAYMENT_PROCESSING with its session until the checkout.session.* webhooks settle it.

const page = (orderId: string, step: string) =>
  new URL(`/store/checkout/${orderId}/${step}`, env().APP_URL).toString();

/**
 * Opens a Checkout Session for an order this request has just locked (PAYMENT_PROCESSING) and returns the
 * address of Stripe's page. When Stripe cannot be reached the order is free again and nothing was charged;
 * null when the order was settled meanwhile (its confirmation tells the buyer).
 */
export async function sendToCheckout(order: repo.OrderView): Promise<string | null> {
  let opened;
  try {
    opened = await openCheckout({
      orderId: order.id,
      // One attempt per submission: a retry of the request reuses its session, a new submission gets a new one.
      attempt: randomBytes(8).toString("hex"),
      orderNumber: formatOrderNumber(order.number),
      description: order.product.name,
      amountCents: order.amountCents,
      currency: order.currency,
      email: order.email ?? order.user.email,
      successUrl: `${page(order.id, "confirmation")}?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${page(order.id, "payment")}?checkout=cancelled`,
    });
  } catch (error) {
    const failed = await repo.transitionOrder(order.id, ["PAYMENT_PROCESSING"], "PAYMENT_FAILED", {
      failureCode: "payments.processor_unavailable",
    });
    if (error instanceof PaymentProviderError) {
      if (!failed) return null;
      throw new DomainError("payments.processor_unavailable");
    }
    throw error;
  }
  await repo.updateOrder(order.id, { stripeCheckoutSessionId: opened.sessionId });
  return opened.url;
}

/**
 * The buyer came back from Checkout without paying and submits the Payment Method step again: their session is
 * closed at Stripe first, so it can never be paid next to the new attempt, and the order is editable again.
 * "paid" when the session was completed after all (the webhook settles the order).
 */
export async function leaveCheckout(order: repo.OrderView): Promise<"left" | "paid"> {
  if (!isCheckoutOpen(order)) return "left";
  let outcome;
  try {
    outcome = await closeCheckout(order.stripeCheckoutSessionId!);
  } catch (error) {
    if (error instanceof PaymentProviderError) throw new DomainError("payments.processor_unavailable");
    throw error;
  }
  if (outcome === "complete") return "paid";
  // Guarded by the session: of two submits at once, one frees the order; the other finds it editable.
  await repo.transitionOrder(
    order.id,
    ["PAYMENT_PROCESSING"],
    "DRAFT",
    { stripeCheckoutSessionId: null, submittedAt: null },
    undefined,
    { stripeCheckoutSessionId: order.stripeCheckoutSessionId },
  );
  return "left";
}
