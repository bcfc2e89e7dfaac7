import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { RequestInfo } from "@/lib/core/caller";
import { DomainError } from "@/lib/core/errors";
import { logger } from "@/lib/core/logger";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import { deliverLicenseKeyEmail, issueLicenseKey, renewCredential } from "@/lib/licensing/service";
import * as repo from "./repository";
import type { MarkInvoicePaidInput } from "./schemas";

// An order's payment state after submission: paid (and fulfilled), failed, cancelled, partly paid. Every
// change is one guarded row update, recorded in one transaction with the Stripe event that caused it.

export type StripeEventRef = { id: string; type: string };

export type Fulfilment =
  | { kind: "license_key"; orderId: string; keyId: string }
  | { kind: "renewal"; orderId: string; expiresAt: Date }
  | null;

/** Runs `apply` in a transaction that first records the Stripe event; a duplicate event gets `duplicate`. */
function settle<T>(stripeEvent: StripeEventRef | undefined, duplicate: T, apply: (tx: Tx) => Promise<T>) {
  return inTransaction(async (tx) => {
    if (stripeEvent && !(await repo.recordStripeEvent(stripeEvent.id, stripeEvent.type, tx)))
      return duplicate;
    return apply(tx);
  });
}

/**
 * Marks an order paid and issues its license key (or extends the renewed credential) in one transaction,
 * together with the Stripe event id when one triggered it. Idempotent: a second call, a duplicate event or
 * a late one does nothing. The key email goes out after the commit.
 */
export async function fulfilOrder(
  orderId: string,
  payment: { reference: string; amountPaidCents: number },
  options: { actorId?: string; stripeEvent?: StripeEventRef },
  now = new Date(),
): Promise<Fulfilment> {
  const outcome = await settle(options.stripeEvent, null, async (tx): Promise<Fulfilment> => {
    const order = await repo.findPayableOrder(orderId, tx);
    const paid =
      order !== null &&
      (await repo.transitionPayment(
        orderId,
        ["PAYMENT_PROCESSING", "AWAITING_PAYMENT", "PAYMENT_FAILED"],
        "PAID",
        {
          paidAt: now,
          amountPaidCents: payment.amountPaidCents,
          paymentReference: payment.reference,
          failureCode: null,
        },
        tx,
      ));
    if (!order || !paid) return unchanged(orderId, payment.reference, options.stripeEvent, tx);
    const actorId = options.actorId ?? null;
    await recordAudit(
      { type: "ORDER_PAID", result: "SUCCESS", actorId, subjectUserId: order.userId, detail: { orderId } },
      tx,
    );
    if (order.renewsCredentialId) {
      const expiresAt = await renewCredential(order.renewsCredentialId, order.product.termMonths, now, tx);
      return { kind: "renewal", orderId, expiresAt };
    }
    const issued = await issueLicenseKey(orderId, actorId, now, tx);
    return { kind: "license_key", orderId, keyId: issued.keyId };
  });
  if (outcome?.kind === "license_key") await deliverLicenseKeyEmail(outcome.keyId, now);
  return outcome;
}

/**
 * A payment that changed nothing: fine when the order is already paid by it (a repeated or late event).
 * Otherwise our row is where this payment cannot settle it (back in draft after a lost reply, cancelled): the
 * Stripe event must not be recorded as processed, so this throws, the transaction is rolled back, the webhook
 * answers 500 and Stripe delivers the event again (for three days), while the error log tells support.
 */
async function unchanged(
  orderId: string,
  reference: string,
  stripeEvent: StripeEventRef | undefined,
  tx: Tx,
): Promise<null> {
  if (!stripeEvent) return null;
  const order = await repo.findPayableOrder(orderId, tx);
  if (order?.status === "PAID" && order.paymentReference === reference) return null;
  const status = order?.status ?? "missing";
  logger().error(
    { eventId: stripeEvent.id, orderId, status },
    "stripe payment cannot settle its order yet; not recorded, Stripe will deliver it again",
  );
  throw new Error(`order ${orderId} (${status}) cannot take Stripe payment ${reference}`);
}

/**
 * A declined card, or a Checkout Session that ended unpaid: the order can be paid again with another card or
 * by invoice. With `checkoutSessionId`, only while that session is still the order's current attempt (an
 * earlier session the buyer left must not fail the one they are paying on now).
 */
export function failCardPayment(
  orderId: string,
  code: string,
  options: { stripeEvent?: StripeEventRef; checkoutSessionId?: string },
  now = new Date(),
): Promise<boolean> {
  return settle(options.stripeEvent, false, async (tx) => {
    const order = await repo.findPayableOrder(orderId, tx);
    if (!order) return false;
    const failed = await repo.transitionPayment(
      orderId,
      ["PAYMENT_PROCESSING"],
      "PAYMENT_FAILED",
      { failureCode: code },
      tx,
      options.checkoutSessionId ? { stripeCheckoutSessionId: options.checkoutSessionId } : {},
    );
    if (failed) {
      const detail = { orderId, code, at: now.toISOString() };
      await recordAudit(
        { type: "PAYMENT_FAILED", result: "FAILURE", subjectUserId: order.userId, detail },
        tx,
      );
    }
    return failed;
  });
}

/** A voided invoice cancels its order; nothing is issued. */
export function cancelInvoicedOrder(
  orderId: string,
  options: { stripeEvent?: StripeEventRef },
): Promise<boolean> {
  return settle(options.stripeEvent, false, (tx) =>
    repo.transitionPayment(orderId, ["AWAITING_PAYMENT"], "CANCELLED", {}, tx),
  );
}

/** Records a partial payment against an open invoice without issuing anything. */
export function recordPartialPayment(
  orderId: string,
  amountPaidCents: number,
  options: { stripeEvent?: StripeEventRef },
): Promise<boolean> {
  return settle(options.stripeEvent, false, async (tx) => {
    // Only while the invoice is open: a late event must not lower what a paid order records.
    await repo.transitionPayment(orderId, ["AWAITING_PAYMENT"], "AWAITING_PAYMENT", { amountPaidCents }, tx);
    return true;
  });
}

/** Support records the full payment of a local invoice; the key is issued and emailed. */
export async function markInvoicePaid(
  actorId: string,
  input: MarkInvoicePaidInput,
  request: RequestInfo,
  now = new Date(),
) {
  const order = await repo.findPayableOrder(input.orderId);
  if (!order || order.paymentMethod !== "INVOICE" || order.status !== "AWAITING_PAYMENT") {
    throw new DomainError("payments.invoice_not_open");
  }
  const amountPaidCents = Math.round(Number(input.amountPaid) * 100);
  if (amountPaidCents < order.amountCents) {
    throw new DomainError("payments.amount_mismatch", {
      fieldErrors: {
        amountPaid: `The invoice is for ${(order.amountCents / 100).toFixed(2)}; record it once paid in full.`,
      },
    });
  }
  const payment = { reference: input.paymentReference, amountPaidCents };
  const result = await fulfilOrder(order.id, payment, { actorId }, now);
  await recordAudit({
    type: "INVOICE_MARKED_PAID",
    result: result ? "SUCCESS" : "FAILURE",
    actorId,
    subjectUserId: order.userId,
    ...request,
    detail: { orderId: order.id, reason: input.reason },
  });
  if (!result) throw new DomainError("payments.invoice_not_open");
}
