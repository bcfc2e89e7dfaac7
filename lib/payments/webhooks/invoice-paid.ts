import "server-only";
import type Stripe from "stripe";
import { logger } from "@/lib/core/logger";
import { deliverPendingKeyEmails } from "@/lib/licensing/service";
import { fulfilOrder, recordPartialPayment } from "../settlement";
import { findOrderFor, sameCurrency } from "./find-order";

/**
 * An invoice payment: the key is issued only once the invoice is paid in full (an uncollectible invoice
 * can still be paid later); anything less is recorded as a partial payment.
 */
export async function onInvoicePaid(event: Stripe.InvoicePaidEvent): Promise<void> {
  const invoice = event.data.object;
  const order = await findOrderFor("invoice", invoice);
  if (!order) {
    logger().warn({ eventId: event.id, invoiceId: invoice.id }, "stripe invoice for an unknown order");
    return;
  }
  const stripeEvent = { id: event.id, type: event.type };
  const isPaidInFull = invoice.status === "paid" && invoice.amount_remaining === 0;
  if (!isPaidInFull) {
    await recordPartialPayment(order.id, invoice.amount_paid, { stripeEvent });
    return;
  }
  if (invoice.amount_paid < order.amountCents || !sameCurrency(invoice.currency, order.currency)) {
    logger().error(
      { eventId: event.id, orderId: order.id, paid: invoice.amount_paid, expected: order.amountCents },
      "stripe invoice paid below the order amount; not fulfilled",
    );
    await recordPartialPayment(order.id, invoice.amount_paid, { stripeEvent });
    return;
  }
  const fulfilled = await fulfilOrder(
    order.id,
    { reference: invoice.id, amountPaidCents: invoice.amount_paid },
    { stripeEvent },
  );
  // A redelivery may follow a stop between the commit and the key email: retry it (sent at most once).
  if (!fulfilled) await deliverPendingKeyEmails();
}
