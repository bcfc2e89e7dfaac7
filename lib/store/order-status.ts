import type { OrderStatus } from "./store";

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  DRAFT: "Not submitted",
  PAYMENT_PROCESSING: "Payment processing",
  AWAITING_PAYMENT: "Awaiting payment",
  PAID: "Paid",
  PAYMENT_FAILED: "Payment failed",
  CANCELLED: "Cancelled",
};
