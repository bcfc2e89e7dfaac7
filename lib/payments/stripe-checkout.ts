import "server-only";
import { providerError } from "./stripe-errors";
import { Stripe, stripe } from "./stripe-client";

export type CheckoutRequest = {
  orderId: string;
  /** Names this payment attempt: retries of one attempt reuse it, a new attempt gets a new one. */
  attempt: string;
  orderNumber: string;
  description: string;
  amountCents: number;
  currency: string;
  email: string;
  /** Where Stripe sends the browser after paying ({CHECKOUT_SESSION_ID} is filled in by Stripe). */
  successUrl: string;
  /** Where Stripe's back link goes: the order's Payment Method step. */
  cancelUrl: string;
};

export type OpenedCheckout = { sessionId: string; url: string };

/**
 * Opens a Stripe Checkout Session for the order: card details are typed on Stripe's page, never ours, and
 * 3-D Secure happens there. The order is settled by the checkout.session.* webhooks, not by this call.
 */
export async function openCheckout(request: CheckoutRequest): Promise<OpenedCheckout> {
  try {
    const session = await stripe().checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency,
              unit_amount: request.amountCents,
              product_data: { name: request.description },
            },
          },
        ],
        client_reference_id: request.orderId,
        customer_email: request.email,
        metadata: { orderId: request.orderId, attempt: request.attempt },
        payment_intent_data: { description: `Order ${request.orderNumber}`, receipt_email: request.email },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      },
      // Stable per attempt: a retried request (double click, network retry) returns the same session.
      { idempotencyKey: `order-${request.orderId}-checkout-${request.attempt}` },
    );
    if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a url`);
    return { sessionId: session.id, url: session.url };
  } catch (error) {
    throw providerError(error);
  }
}

/**
 * Closes a Checkout Session the buyer left (they chose another way to pay). "complete" when the buyer paid
 * after all, in which case the webhook settles the order; "closed" otherwise.
 */
export async function closeCheckout(sessionId: string): Promise<"closed" | "complete"> {
  try {
    await stripe().checkout.sessions.expire(sessionId);
    return "closed";
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw providerError(error);
    // Only an open session can be expired: look at what it became instead.
    const session = await stripe()
      .checkout.sessions.retrieve(sessionId)
      .catch((e: unknown) => {
        throw providerError(e);
      });
    return session.status === "complete" ? "complete" : "closed";
  }
}
