// The payment interfaces the store uses. Cards: the local processor (demo mode) takes them on our form, Stripe
// on its Checkout page (stripe-checkout.ts). Invoices: the local issuer or Stripe Invoicing.

export type CardDetails = { name: string; number: string; expMonth: number; expYear: number; cvc: string };

export type CardCharge = {
  orderId: string;
  /** Names this payment attempt: retries of one attempt reuse it, a new attempt (another card) gets a new one. */
  attempt: string;
  orderNumber: string;
  amountCents: number;
  currency: string;
  email: string;
  card: CardDetails;
};

export type CardFailureCode =
  "payments.card_declined" | "payments.insufficient_funds" | "payments.card_not_accepted";

export type CardResult =
  /** Captured now; the caller fulfils the order. */
  | { outcome: "succeeded"; reference: string; brand: string; last4: string }
  | { outcome: "failed"; code: CardFailureCode; brand: string; last4: string };

/** Takes card numbers on our own form: only the local processor of demo mode (Stripe uses Checkout). */
export interface CardProcessor {
  /** Charges the card once per order, however often it is called (idempotent by order id). */
  charge(charge: CardCharge): Promise<CardResult>;
}

export type InvoiceRequest = {
  orderId: string;
  orderNumber: string;
  invoiceNumber: string;
  amountCents: number;
  currency: string;
  email: string;
  name: string;
  description: string;
  daysUntilDue: number;
};

export type OpenedInvoice = { invoiceNumber: string; dueAt: Date; stripeInvoiceId: string | null };

export interface InvoiceIssuer {
  /** Opens (and sends) an invoice for the order, once per order. */
  open(request: InvoiceRequest, now: Date): Promise<OpenedInvoice>;
}

/** The payment provider could not be reached or answered with an error; nothing was charged. */
export class PaymentProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaymentProviderError";
  }
}
