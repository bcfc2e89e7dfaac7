"use server";

import { staffAction } from "@/lib/web/action";
import { SUPPORT_ROLES } from "@/lib/web/auth";
import { resendLicenseKey, revokeLicenseKey } from "@/lib/licensing/key-support";
import { KeyActionInputSchema } from "@/lib/licensing/schemas";
import { MarkInvoicePaidInputSchema } from "@/lib/payments/schemas";
import { markInvoicePaid } from "@/lib/payments/settlement";

export const markInvoicePaidAction = staffAction(
  SUPPORT_ROLES,
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
  SUPPORT_ROLES,
  KeyActionInputSchema,
  async (input, { session, request }) => {
    await resendLicenseKey(session.userId, input, request);
    return {
      status: "success",
      message: "A new license key was emailed; the old unused key no longer works.",
    };
  },
);

export const revokeLicenseKeyAction = staffAction(
  SUPPORT_ROLES,
  KeyActionInputSchema,
  async (input, { session, request }) => {
    await revokeLicenseKey(session.userId, input, request);
    return {
      status: "success",
      message: "The unused license key is revoked and no longer activates. Re-send to issue a new one.",
    };
  },
);
