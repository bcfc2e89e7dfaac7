"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/web/action";
import { newPhoneCodeSent } from "@/lib/web/phone-code-sent";
import { ConfirmPhoneInputSchema, StartPhoneRegistrationInputSchema } from "@/lib/phones/schemas";
import { confirmPhone, startPhoneRegistration } from "@/lib/phones/service";
import { generateRecoveryCodes, unusedRecoveryCodes } from "@/lib/recovery/service";

export const sendPhoneCodeAction = userAction(
  StartPhoneRegistrationInputSchema,
  async (input, { session, request }) => {
    return newPhoneCodeSent(input, await startPhoneRegistration(session, input, request));
  },
);

export const confirmPhoneAction = userAction(ConfirmPhoneInputSchema, async (input, { session, request }) => {
  const { isFirst } = await confirmPhone(session, input, request);
  const next = `/credentials/${input.credentialId}/phones?added=1`;
  // The account's first phone: its recovery codes come with it, shown once (NIST 800-63B §5.1.2).
  if (isFirst && (await unusedRecoveryCodes(session.userId)) === 0) {
    return {
      status: "success",
      message:
        "Your phone number is registered. Save these 10 recovery codes now: each signs you in once if you ever lose all your phones, and they will not be shown again.",
      shownOnce: await generateRecoveryCodes(session.userId, request),
      values: { next },
    };
  }
  redirect(next);
});
