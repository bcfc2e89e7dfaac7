import "server-only";
import type Stripe from "stripe";
import { logger } from "@/lib/core/logger";
import type { PayableOrder } from "../repository";
import { failCardPayment } from "../settlement";
import { findOrderFor } from "./find-order";

/** A card payment failed: the order can be paid again. A failure of an earlier attempt changes nothing. */
export async function onPaymentIntentPaymentFailed(
  event: Stripe.PaymentIntentPaymentFailedEvent,
): Promise<void> {
  const intent = event.data.object;
  const order = await findOrderFor("payment_intent", intent);
  if (!order) {
    logger().warn(
      { eventId: event.id, paymentIntentId: intent.id },
      "stripe payment failure for an unknown order",
    );
    return;
  }
  if (!isCurrentAttempt(order, intent)) {
    logger().info(
      { eventId: event.id, orderId: order.id },
      "stripe payment failure of an earlier attempt ignored",
    );
    return;
  }
  const code =
    intent.last_payment_error?.decline_code === "insufficient_funds"
      ? "payments.insufficient_funds"
      : "payments.card_declined";
  await failCardPayment(order.id, code, { stripeEvent: { id: event.id, type: event.type } });
}

/** Each submission is an attempt with its own PaymentIntent (metadata.attempt is the order's submittedAt). */
function isCurrentAttempt(order: PayableOrder, intent: Stripe.PaymentIntent): boolean {
  const attempt = intent.metadata?.attempt;
  if (attempt && order.submittedAt) return attempt === String(order.submittedAt.getTime());
  return !order.stripePaymentIntentId || order.stripePaymentIntentId === intent.id;
}
