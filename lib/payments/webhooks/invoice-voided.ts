import "server-only";
import type Stripe from "stripe";
import { logger } from "@/lib/core/logger";
import { cancelInvoicedOrder } from "../settlement";
import { findOrderFor } from "./find-order";

/** A voided invoice cancels its open order; nothing is issued. */
export async function onInvoiceVoided(event: Stripe.InvoiceVoidedEvent): Promise<void> {
  const invoice = event.data.object;
  const order = await findOrderFor("invoice", invoice);
  if (!order) {
    logger().warn({ eventId: event.id, invoiceId: invoice.id }, "stripe invoice for an unknown order");
    return;
  }
  await cancelInvoicedOrder(order.id, { stripeEvent: { id: event.id, type: event.type } });
}
