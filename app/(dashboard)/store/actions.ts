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

export const submitPaymentAction = userAction(
  SubmitPaymentInputSchema,
  async (input, { session, request }) => {
    const { orderId, next } = await submitPayment(session.userId, input, request);
    redirect(checkout(orderId, next));
  },
);
