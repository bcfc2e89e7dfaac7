export const STORE_ERRORS = {
  "store.product_unavailable": "This product is not available. Please choose another one.",
  "store.order_not_found": "We could not find this order.",
  "store.order_locked": "This order was already submitted and can no longer be changed.",
  "store.step_not_ready": "Please complete the earlier steps first.",
} as const;

export type StoreErrorCode = keyof typeof STORE_ERRORS;
