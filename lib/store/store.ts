// Pure store rules: the checkout step graph, card checks, money. No I/O.
import { defineStepGraph } from "@/lib/core/step-graph";

export type OrderStatus =
  "DRAFT" | "PAYMENT_PROCESSING" | "AWAITING_PAYMENT" | "PAID" | "PAYMENT_FAILED" | "CANCELLED";

export const CHECKOUT_STEPS = [
  { id: "product", label: "Product" },
  { id: "information", label: "Primary Information and Billing Address" },
  { id: "payment", label: "Payment Method" },
  { id: "confirmation", label: "Confirmation" },
] as const;

export type CheckoutStep = (typeof CHECKOUT_STEPS)[number]["id"];

/** Orders that can still be edited and (re)submitted: a failed card payment can be retried. */
export function isEditable(status: OrderStatus): boolean {
  return status === "DRAFT" || status === "PAYMENT_FAILED";
}

type CheckoutState = {
  status: OrderStatus;
  infoCompletedAt: Date | null;
  stripeCheckoutSessionId?: string | null;
};

/**
 * The buyer was sent to Stripe Checkout and has not paid yet: the Payment Method step stays open to them
 * (Stripe's back link returns there), and submitting it again closes that session first.
 */
export function isCheckoutOpen(order: CheckoutState): boolean {
  return order.status === "PAYMENT_PROCESSING" && Boolean(order.stripeCheckoutSessionId);
}

/**
 * The purchase as a step graph: an editable order may go back to any step it has reached (going back keeps
 * what was entered, so no step undoes another); a submitted one shows only its confirmation.
 */
export const CHECKOUT_FLOW = defineStepGraph<CheckoutStep, CheckoutState, object>({
  product: { allowed: (o) => isEditable(o.status), undo: {} },
  information: { allowed: (o) => isEditable(o.status), undo: {} },
  payment: {
    allowed: (o) => (isEditable(o.status) || isCheckoutOpen(o)) && o.infoCompletedAt !== null,
    undo: {},
  },
  confirmation: { allowed: (o) => !isEditable(o.status), undo: {} },
});

/** The furthest step the order may be on; a page for a step that is not allowed redirects here. */
export function latestAllowedStep(order: CheckoutState): CheckoutStep {
  return CHECKOUT_FLOW.latestAllowed(order) ?? "information";
}

/** The step after `step` once it is saved (`order` as it is then). */
export function nextCheckoutStep(step: CheckoutStep, order: CheckoutState): CheckoutStep {
  return CHECKOUT_FLOW.nextAfter(step, order) ?? latestAllowedStep(order);
}

export function isStepAllowed(step: CheckoutStep, order: CheckoutState): boolean {
  return CHECKOUT_FLOW.isAllowed(step, order);
}

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(
    cents / 100,
  );
}

export function formatOrderNumber(n: bigint | number): string {
  return `MAG-${String(n).padStart(6, "0")}`;
}

export function formatInvoiceNumber(n: bigint | number): string {
  return `INV-${String(n).padStart(6, "0")}`;
}

/** Luhn checksum, which every real card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return "Visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "Mastercard";
  if (/^3[47]/.test(digits)) return "American Express";
  if (/^6(011|5)/.test(digits)) return "Discover";
  return "Card";
}

/** A card expiring in month MM of year YY is valid through the end of that month. */
export function isExpired(month: number, year2: number, now: Date): boolean {
  const year = 2000 + year2;
  return year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1);
}

export const INVOICE_DAYS_DUE = 30;
