export const PAYMENT_ERRORS = {
  "payments.card_declined": "Your card was declined. Please use another card or choose Invoice.",
  "payments.insufficient_funds":
    "Your card has insufficient funds. Please use another card or choose Invoice.",
  "payments.card_not_accepted":
    "This card number is not accepted here. In this demo, pay with the test card 4242 4242 4242 4242.",
  "payments.processor_unavailable":
    "We could not reach the payment processor. Nothing was charged; please try again.",
  "payments.invoice_not_open": "This invoice is not open for payment.",
  "payments.amount_mismatch": "The amount paid does not cover the invoice.",
  "payments.webhook_invalid": "The webhook signature is invalid.",
} as const;

export type PaymentErrorCode = keyof typeof PAYMENT_ERRORS;
