import "server-only";
import { db, type Tx } from "@/lib/core/db";
import type { OrderStatus, PaymentMethod, Prisma } from "@/lib/generated/prisma/client";

/** What settling a payment needs to know about an order. */
export type PayableOrder = {
  id: string;
  userId: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod | null;
  amountCents: number;
  currency: string;
  renewsCredentialId: string | null;
  submittedAt: Date | null;
  stripeCheckoutSessionId: string | null;
  paymentReference: string | null;
  product: { termMonths: number };
};

const PAYABLE_SELECT = {
  id: true,
  userId: true,
  status: true,
  paymentMethod: true,
  amountCents: true,
  currency: true,
  renewsCredentialId: true,
  submittedAt: true,
  stripeCheckoutSessionId: true,
  paymentReference: true,
  product: { select: { termMonths: true } },
} as const;

export function findPayableOrder(id: string, tx?: Tx): Promise<PayableOrder | null> {
  return (tx ?? db()).order.findUnique({ where: { id }, select: PAYABLE_SELECT });
}

export function findOrderByCheckoutSession(sessionId: string): Promise<PayableOrder | null> {
  return db().order.findUnique({ where: { stripeCheckoutSessionId: sessionId }, select: PAYABLE_SELECT });
}

export function findOrderByStripeInvoice(invoiceId: string): Promise<PayableOrder | null> {
  return db().order.findUnique({ where: { stripeInvoiceId: invoiceId }, select: PAYABLE_SELECT });
}

/**
 * Moves an order's payment from one of `from` to `to` with one row update; false when another request or
 * event got there first. This is what makes duplicate events and double submits harmless.
 */
export async function transitionPayment(
  id: string,
  from: OrderStatus[],
  to: OrderStatus,
  data: Prisma.OrderUpdateManyMutationInput,
  tx: Tx,
  also: Prisma.OrderWhereInput = {},
): Promise<boolean> {
  const { count } = await tx.order.updateMany({
    where: { ...also, id, status: { in: from } },
    data: { ...data, status: to },
  });
  return count === 1;
}

/**
 * Records a Stripe event id; false when it was already processed. A concurrent delivery of the same
 * event waits on the row lock until the first transaction ends, then sees the conflict.
 */
export async function recordStripeEvent(eventId: string, type: string, tx: Tx): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO processed_stripe_events ("eventId", type) VALUES (${eventId}, ${type}) ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

export async function isStripeEventProcessed(eventId: string): Promise<boolean> {
  return (await db().processedStripeEvent.count({ where: { eventId } })) > 0;
}
