import "server-only";
import type Stripe from "stripe";
import { logger } from "@/lib/core/logger";
import { deliverPendingKeyEmails } from "@/lib/licensing/service";
import { failCardPayment, fulfilOrder } from "../settlement";
import { findOrderFor, sameCurrency } from "./find-order";

type SessionEvent =
  | Stripe.CheckoutSessionCompletedEvent
  | Stripe.CheckoutSessionAsyncPaymentSucceededEvent
  | Stripe.CheckoutSessionAsyncPaymentFailedEvent
  | Stripe.CheckoutSessionExpiredEvent;

const ref = (event: SessionEvent) => ({ id: event.id, type: event.type });

/** The order the event's session pays for; an unknown one is logged and acknowledged. */
async function orderOf(event: SessionEvent) {
  const session = event.data.object;
  const order = await findOrderFor("checkout_session", session);
  if (!order)
    logger().warn({ eventId: event.id, sessionId: session.id }, "stripe checkout for an unknown order");
  return order;
}

/**
 * checkout.session.completed and .async_payment_succeeded: once the session is paid, the order is paid and its
 * key issued, exactly once whatever the order of delivery. A completed session whose payment is still on its
 * way (payment_status unpaid) waits for the async events.
 */
export async function onCheckoutSessionPaid(
  event: Stripe.CheckoutSessionCompletedEvent | Stripe.CheckoutSessionAsyncPaymentSucceededEvent,
): Promise<void> {
  const session = event.data.object;
  const order = await orderOf(event);
  if (!order) return;
  if (session.payment_status !== "paid") {
    logger().info({ eventId: event.id, orderId: order.id }, "stripe checkout complete, payment pending");
    return;
  }
  const amount = session.amount_total ?? 0;
  if (amount !== order.amountCents || !sameCurrency(session.currency ?? "", order.currency)) {
    logger().error(
      { eventId: event.id, orderId: order.id, received: amount, expected: order.amountCents },
      "stripe payment does not match the order; not fulfilled",
    );
    return;
  }
  const reference = typeof session.payment_intent === "string" ? session.payment_intent : session.id;
  const fulfilled = await fulfilOrder(
    order.id,
    { reference, amountPaidCents: amount },
    { stripeEvent: ref(event) },
  );
  if (fulfilled) return;
  if (order.status === "PAID" && order.paymentReference && order.paymentReference !== reference) {
    logger().error(
      { eventId: event.id, orderId: order.id, sessionId: session.id },
      "second successful payment for a paid order; refund it in Stripe",
    );
  }
  // A redelivery: Stripe sends it again when we did not answer, e.g. we stopped after the commit and
  // before the key email went out. This is the moment to retry that email (it goes out at most once).
  await deliverPendingKeyEmails();
}

/**
 * checkout.session.async_payment_failed and .expired: the session ended unpaid, so the order is free for
 * another attempt (a card or an invoice). Only the order's current session counts.
 */
export async function onCheckoutSessionUnpaid(
  event: Stripe.CheckoutSessionAsyncPaymentFailedEvent | Stripe.CheckoutSessionExpiredEvent,
): Promise<void> {
  const session = event.data.object;
  const order = await orderOf(event);
  if (!order) return;
  const code =
    event.type === "checkout.session.expired" ? "payments.checkout_expired" : "payments.card_declined";
  await failCardPayment(order.id, code, { stripeEvent: ref(event), checkoutSessionId: session.id });
}
