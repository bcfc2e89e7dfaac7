"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/web/action";
import { ConfirmPhoneInputSchema, StartPhoneRegistrationInputSchema } from "@/lib/phones/schemas";
import { confirmPhone, startPhoneRegistration } from "@/lib/phones/service";

export const sendPhoneCodeAction = userAction(
  StartPhoneRegistrationInputSchema,
  async (input, { session, request }) => {
    const { expiresAt, label } = await startPhoneRegistration(session, input, request);
    return {
      status: "success",
      message:
        input.channel === "SMS" ? `We texted a code to ${label}.` : `We are calling ${label} with a code.`,
      values: {
        country: input.country,
        phone: input.phone,
        phoneConfirm: input.phoneConfirm,
        expiresAt: expiresAt.toISOString(),
      },
    };
  },
);

export const confirmPhoneAction = userAction(ConfirmPhoneInputSchema, async (input, { session, request }) => {
  await confirmPhone(session, input, request);
  redirect(`/credentials/${input.credentialId}/phones?added=1`);
});
