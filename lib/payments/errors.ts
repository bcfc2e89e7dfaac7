import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const PAYMENT_ERRORS = {
  "payments.card_declined": {
    message: "Your card was declined. Please use another card or choose Invoice.",
    status: 400,
  },
  "payments.insufficient_funds": {
    message: "Your card has insufficient funds. Please use another card or choose Invoice.",
    status: 400,
  },
  "payments.card_not_accepted": {
    message:
      "This card number is not accepted here. In this demo, pay with the test card 4242 4242 4242 4242.",
    status: 400,
  },
  "payments.checkout_expired": {
    message:
      "Your payment page closed before the payment was made, so nothing was charged. Choose a payment method and select Submit again.",
    status: 409,
  },
  "payments.processor_unavailable": {
    message: "We could not reach the payment processor. Nothing was charged; please try again.",
    status: 503,
  },
  "payments.invoice_not_open": { message: "This invoice is not open for payment.", status: 409 },
  "payments.amount_mismatch": { message: "The amount paid does not cover the invoice.", status: 400 },
  "payments.webhook_invalid": { message: "The webhook signature is invalid.", status: 400 },
} as const satisfies Record<`payments.${string}`, ErrorEntry>;

export type PaymentErrorCode = keyof typeof PAYMENT_ERRORS;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof PAYMENT_ERRORS> {}
}
