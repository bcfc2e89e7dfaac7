"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/web/action";
import { PhoneIdInputSchema } from "@/lib/phones/schemas";
import { removePhone, setDefaultPhone } from "@/lib/phones/service";
import { StartUpgradeInputSchema } from "@/lib/store/schemas";
import { startOrder } from "@/lib/store/service";
import { createRecoveryCodes } from "@/lib/recovery/service";
import { z } from "zod";

const PAGE = "/account/manage-otp";

// Changes redirect to the page with a notice: the row that held the form may be gone or changed.
export const removePhoneAction = userAction(PhoneIdInputSchema, async (input, { session, request }) => {
  await removePhone(session, input, request);
  redirect(`${PAGE}?done=removed`);
});

export const setDefaultPhoneAction = userAction(PhoneIdInputSchema, async (input, { session, request }) => {
  await setDefaultPhone(session, input, request);
  redirect(`${PAGE}?done=default`);
});

/** Upgrade: the proofing upgrade goes through the store like any product (card or invoice). */
export const startUpgradeAction = userAction(StartUpgradeInputSchema, async (input, { session }) => {
  const { orderId } = await startOrder(session.userId, { productId: input.productId });
  redirect(`/store/checkout/${orderId}/information`);
});

/** Generate (New) Recovery Codes: shown once in the answer, kept only as hashes. */
export const generateRecoveryCodesAction = userAction(z.object({}), async (_input, { session, request }) => {
  const codes = await createRecoveryCodes(session, request);
  return {
    status: "success",
    message:
      "Here are your recovery codes. Download or print them now and keep them somewhere safe: each works once, and this page will not show them again.",
    shownOnce: codes,
  };
});
