"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/web/action";
import { PhoneIdInputSchema } from "@/lib/phones/schemas";
import { removePhone, setDefaultPhone } from "@/lib/phones/service";
import { StartUpgradeInputSchema } from "@/lib/store/schemas";
import { startOrder } from "@/lib/store/service";

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
