import "server-only";
import { createHash } from "node:crypto";
import type { InvoiceIssuer, InvoiceRequest, OpenedInvoice } from "./payments";
import { stripe } from "./stripe-client";
import { providerError } from "./stripe-errors";

export function stripeInvoiceIssuer(): InvoiceIssuer {
  return { open: openInvoice };
}

/**
 * Customer → draft invoice → its line → finalize → send. The item is attached to the draft (not left
 * pending on the customer), so two open orders of one customer never share lines.
 */
async function openInvoice(request: InvoiceRequest, now: Date): Promise<OpenedInvoice> {
  const api = stripe();
  // Keyed by order and by what is billed: a retry after a failure resumes the same Stripe objects, while an
  // order whose product or billing email changed since gets new ones instead of an idempotency error.
  const billed = createHash("sha256")
    .update(
      JSON.stringify([
        request.amountCents,
        request.currency,
        request.email,
        request.name,
        request.description,
      ]),
    )
    .digest("hex")
    .slice(0, 16);
  const key = (step: string) => `order-${request.orderId}-invoice-${billed}-${step}`;
  try {
    const customerId = await findOrCreateCustomer(request, key("customer"));
    const draft = await api.invoices.create(
      {
        customer: customerId,
        collection_method: "send_invoice",
        days_until_due: request.daysUntilDue,
        currency: request.currency,
        auto_advance: true,
        description: `Order ${request.orderNumber}`,
        metadata: { orderId: request.orderId },
      },
      { idempotencyKey: key("create") },
    );
    await api.invoiceItems.create(
      {
        customer: customerId,
        invoice: draft.id,
        amount: request.amountCents,
        currency: request.currency,
        description: request.description,
        metadata: { orderId: request.orderId },
      },
      { idempotencyKey: key("item") },
    );
    await api.invoices.finalizeInvoice(draft.id, {}, { idempotencyKey: key("finalize") });
    const sent = await api.invoices.sendInvoice(draft.id, {}, { idempotencyKey: key("send") });
    return {
      invoiceNumber: sent.number ?? request.invoiceNumber,
      dueAt: sent.due_date
        ? new Date(sent.due_date * 1000)
        : new Date(now.getTime() + request.daysUntilDue * 86_400_000),
      stripeInvoiceId: sent.id,
    };
  } catch (error) {
    throw providerError(error);
  }
}

async function findOrCreateCustomer(request: InvoiceRequest, idempotencyKey: string): Promise<string> {
  const api = stripe();
  const existing = await api.customers.list({ email: request.email, limit: 1 });
  if (existing.data[0]) return existing.data[0].id;
  const created = await api.customers.create(
    { email: request.email, ...(request.name && { name: request.name }) },
    { idempotencyKey },
  );
  return created.id;
}
