"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { isCardPaidThroughCheckout } from "@/lib/payments/service";
import { userAction } from "@/lib/web/action";
import {
  CheckoutPaymentInputSchema,
  SaveOrderInformationInputSchema,
  StartOrderInputSchema,
  SubmitPaymentInputSchema,
} from "@/lib/store/schemas";
import { saveOrderInformation, startOrder, submitPayment } from "@/lib/store/service";

const checkout = (orderId: string, step: string) => `/store/checkout/${orderId}/${step}`;

export const startOrderAction = userAction(StartOrderInputSchema, async (input, { session }) => {
  const { orderId, next } = await startOrder(session.userId, input);
  redirect(checkout(orderId, next));
});

export const saveInformationAction = userAction(
  SaveOrderInformationInputSchema,
  async (input, { session }) => {
    const { next } = await saveOrderInformation(session.userId, input);
    redirect(checkout(input.orderId, next));
  },
);

/** With Stripe the card is typed on Stripe Checkout's page, so the step has no card fields to check. */
const PaymentInputSchema = z.lazy(() =>
  isCardPaidThroughCheckout() ? CheckoutPaymentInputSchema : SubmitPaymentInputSchema,
);

export const submitPaymentAction = userAction(PaymentInputSchema, async (input, { session, request }) => {
  const { orderId, next, redirectTo } = await submitPayment(session.userId, input, request);
  redirect(redirectTo ?? checkout(orderId, next));
});
