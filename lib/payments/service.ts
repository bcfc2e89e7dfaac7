import "server-only";
import { isStripeConfigured } from "@/lib/core/env";
import { localCardProcessor } from "./local-card-processor";
import { localInvoiceIssuer } from "./local-invoice-issuer";
import type { CardProcessor, InvoiceIssuer } from "./payments";
import { stripeCardProcessor, stripeInvoiceIssuer } from "./stripe-gateway";

export { PaymentProviderError } from "./payments";
export type { CardResult } from "./payments";

/** Stripe when STRIPE_SECRET_KEY is set, else the local processor (Stripe's test numbers). */
export function cardProcessor(): CardProcessor {
  return isStripeConfigured() ? stripeCardProcessor() : localCardProcessor;
}

export function invoiceIssuer(): InvoiceIssuer {
  return isStripeConfigured() ? stripeInvoiceIssuer() : localInvoiceIssuer;
}

/** Whether invoices are settled by Stripe (webhooks) rather than marked paid by support. */
export function isInvoicePaidThroughStripe(): boolean {
  return isStripeConfigured();
}
