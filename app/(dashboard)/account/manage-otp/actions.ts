"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/web/action";
import {
  ConfirmStepUpInputSchema,
  PhoneIdInputSchema,
  SendSignInCodeInputSchema,
} from "@/lib/phones/schemas";
import { confirmStepUp, removePhone, sendStepUpCode, setDefaultPhone } from "@/lib/phones/service";
import { StartUpgradeInputSchema } from "@/lib/store/schemas";
import { startOrder } from "@/lib/store/service";

const PAGE = "/account/manage-otp";

export const sendStepUpCodeAction = userAction(
  SendSignInCodeInputSchema,
  async (input, { session, request }) => {
    const { expiresAt } = await sendStepUpCode(session, input, request);
    return {
      status: "success",
      message:
        input.channel === "SMS"
          ? "We texted a code to your phone."
          : "We are calling your phone with a code.",
      values: { phoneId: input.phoneId, expiresAt: expiresAt.toISOString() },
    };
  },
);

export const confirmStepUpAction = userAction(
  ConfirmStepUpInputSchema,
  async (input, { session, request }) => {
    await confirmStepUp(session, input.code, request);
    // The page re-renders with the changes it now allows; this form leaves it.
    revalidatePath(PAGE);
    return { status: "success" };
  },
);

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
