import "server-only";
import type Stripe from "stripe";
import { logger } from "@/lib/core/logger";
import { deliverPendingKeyEmails } from "@/lib/licensing/service";
import { fulfilOrder } from "../settlement";
import { findOrderFor, sameCurrency } from "./find-order";

/** A card payment went through: the order is paid and its key issued, once, whatever the delivery order. */
export async function onPaymentIntentSucceeded(event: Stripe.PaymentIntentSucceededEvent): Promise<void> {
  const intent = event.data.object;
  const order = await findOrderFor("payment_intent", intent);
  if (!order) {
    logger().warn({ eventId: event.id, paymentIntentId: intent.id }, "stripe payment for an unknown order");
    return;
  }
  if (intent.amount_received !== order.amountCents || !sameCurrency(intent.currency, order.currency)) {
    logger().error(
      { eventId: event.id, orderId: order.id, received: intent.amount_received, expected: order.amountCents },
      "stripe payment does not match the order; not fulfilled",
    );
    return;
  }
  const fulfilled = await fulfilOrder(
    order.id,
    { reference: intent.id, amountPaidCents: intent.amount_received },
    { stripeEvent: { id: event.id, type: event.type } },
  );
  if (fulfilled) return;
  if (order.status === "PAID" && order.paymentReference && order.paymentReference !== intent.id) {
    logger().error(
      { eventId: event.id, orderId: order.id, paymentIntentId: intent.id },
      "second successful payment for a paid order; refund it in Stripe",
    );
  }
  // A redelivery: Stripe sends it again when we did not answer, e.g. we stopped after the commit and
  // before the key email went out. This is the moment to retry that email (it goes out at most once).
  await deliverPendingKeyEmails();
}
