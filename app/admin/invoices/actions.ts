"use server";

import { staffAction } from "@/lib/core/action";
import { MarkInvoicePaidInputSchema, OrderIdInputSchema } from "@/lib/store/schemas";
import { markInvoicePaid, resendLicenseKey } from "@/lib/store/service";

export const markInvoicePaidAction = staffAction(
  ["SUPPORT", "ADMIN"],
  MarkInvoicePaidInputSchema,
  async (input, { session, request }) => {
    // No revalidation: the paid invoice would leave the list and take this confirmation with it.
    await markInvoicePaid(session.userId, input, request);
    return {
      status: "success",
      message: "Payment recorded. The license key was issued and emailed to the buyer.",
    };
  },
);

export const resendLicenseKeyAction = staffAction(
  ["SUPPORT", "ADMIN"],
  OrderIdInputSchema,
  async (input, { session, request }) => {
    await resendLicenseKey(session.userId, input.orderId, request);
    return {
      status: "success",
      message: "A new license key was emailed; the old unused key no longer works.",
    };
  },
);
