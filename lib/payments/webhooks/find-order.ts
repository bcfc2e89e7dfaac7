import "server-only";
import { findOrderByCheckoutSession, findOrderByStripeInvoice, findPayableOrder } from "../repository";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type StripeObjectRef = { id: string; metadata?: Record<string, string> | null };

/**
 * The order a Checkout Session or invoice belongs to. Falls back to metadata.orderId because Stripe does not
 * order its events: one can arrive before our own row records the Stripe id (the create call's reply is
 * still in flight, or the process stopped before saving it).
 */
export async function findOrderFor(kind: "checkout_session" | "invoice", object: StripeObjectRef) {
  const byId =
    kind === "checkout_session"
      ? await findOrderByCheckoutSession(object.id)
      : await findOrderByStripeInvoice(object.id);
  if (byId) return byId;
  const orderId = object.metadata?.orderId;
  // Validated before it reaches a uuid column: a malformed id is an unknown order, not a database error.
  return orderId && UUID.test(orderId) ? findPayableOrder(orderId) : null;
}

export function sameCurrency(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
