import "server-only";
import { isStripeConfigured } from "@/lib/core/env";
import { localCardProcessor } from "./local-card-processor";
import { localInvoiceIssuer } from "./local-invoice-issuer";
import type { CardProcessor, InvoiceIssuer } from "./payments";
import { stripeInvoiceIssuer } from "./stripe-invoices";

export { PaymentProviderError } from "./payments";
export type { CardResult } from "./payments";
export { closeCheckout, openCheckout, type CheckoutRequest } from "./stripe-checkout";

/**
 * With STRIPE_SECRET_KEY, cards are paid on Stripe Checkout's page (card numbers never reach us); without it,
 * the local processor takes Stripe's test numbers on our own form (demo mode).
 */
export function isCardPaidThroughCheckout(): boolean {
  return isStripeConfigured();
}

/** The local processor (demo mode only: with Stripe, cards go through openCheckout). */
export function cardProcessor(): CardProcessor {
  return localCardProcessor;
}

export function invoiceIssuer(): InvoiceIssuer {
  return isStripeConfigured() ? stripeInvoiceIssuer() : localInvoiceIssuer;
}

/** Whether invoices are settled by Stripe (webhooks) rather than marked paid by support. */
export function isInvoicePaidThroughStripe(): boolean {
  return isStripeConfigured();
}
