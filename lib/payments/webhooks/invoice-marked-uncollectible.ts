import "server-only";
import type Stripe from "stripe";
import { logger } from "@/lib/core/logger";
import { recordPartialPayment } from "../settlement";
import { findOrderFor } from "./find-order";

/**
 * Recorded only: the order stays open, because Stripe lets an uncollectible invoice be paid later
 * (invoice.paid then issues the key).
 */
export async function onInvoiceMarkedUncollectible(
  event: Stripe.InvoiceMarkedUncollectibleEvent,
): Promise<void> {
  const invoice = event.data.object;
  const order = await findOrderFor("invoice", invoice);
  if (!order) {
    logger().warn({ eventId: event.id, invoiceId: invoice.id }, "stripe invoice for an unknown order");
    return;
  }
  logger().info({ eventId: event.id, orderId: order.id }, "stripe invoice marked uncollectible");
  await recordPartialPayment(order.id, invoice.amount_paid, {
    stripeEvent: { id: event.id, type: event.type },
  });
}
