import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const STORE_ERRORS = {
  "store.product_unavailable": {
    message: "This product is not available. Please choose another one.",
    status: 503,
  },
  "store.order_not_found": { message: "We could not find this order.", status: 404 },
  "store.order_locked": {
    message: "This order was already submitted and can no longer be changed.",
    status: 429,
  },
  "store.step_not_ready": { message: "Please complete the earlier steps first.", status: 400 },
} as const satisfies Record<`store.${string}`, ErrorEntry>;

export type StoreErrorCode = keyof typeof STORE_ERRORS;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof STORE_ERRORS> {}
}
