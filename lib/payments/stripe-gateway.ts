import "server-only";
import type { CardProcessor, InvoiceIssuer } from "./payments";
import { PaymentProviderError } from "./payments";

// Placeholder until the Stripe gateway lands: refuses clearly instead of charging nothing.
export function stripeCardProcessor(): CardProcessor {
  return {
    charge: () => Promise.reject(new PaymentProviderError("Stripe card payments are not wired yet")),
  };
}

export function stripeInvoiceIssuer(): InvoiceIssuer {
  return {
    open: () => Promise.reject(new PaymentProviderError("Stripe invoices are not wired yet")),
  };
}
