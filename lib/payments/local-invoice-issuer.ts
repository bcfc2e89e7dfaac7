import type { InvoiceIssuer, InvoiceRequest, OpenedInvoice } from "./payments";

/** Without Stripe: the invoice is a printable page in the portal; support records the payment. */
export const localInvoiceIssuer: InvoiceIssuer = {
  open(request: InvoiceRequest, now: Date): Promise<OpenedInvoice> {
    return Promise.resolve({
      invoiceNumber: request.invoiceNumber,
      dueAt: new Date(now.getTime() + request.daysUntilDue * 86_400_000),
      stripeInvoiceId: null,
    });
  },
};
