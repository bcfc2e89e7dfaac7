"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/web/action";
import {
  SaveOrderInformationInputSchema,
  StartOrderInputSchema,
  SubmitPaymentInputSchema,
} from "@/lib/store/schemas";
import { saveOrderInformation, startOrder, submitPayment } from "@/lib/store/service";

const checkout = (orderId: string, step: string) => `/store/checkout/${orderId}/${step}`;

export const startOrderAction = userAction(StartOrderInputSchema, async (input, { session }) => {
  const { orderId } = await startOrder(session.userId, input);
  redirect(checkout(orderId, "information"));
});

export const saveInformationAction = userAction(
  SaveOrderInformationInputSchema,
  async (input, { session }) => {
    await saveOrderInformation(session.userId, input);
    redirect(checkout(input.orderId, "payment"));
  },
);

export const submitPaymentAction = userAction(
  SubmitPaymentInputSchema,
  async (input, { session, request }) => {
    const { orderId } = await submitPayment(session.userId, input, request);
    redirect(checkout(orderId, "confirmation"));
  },
);
