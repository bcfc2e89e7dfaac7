"use server";

import { requestEmailChange } from "@/lib/accounts/email-change";
import { ChangeEmailInputSchema } from "@/lib/accounts/schemas";
import { userAction } from "@/lib/web/action";

export const changeEmailAction = userAction(ChangeEmailInputSchema, async (input, { session, request }) => {
  await requestEmailChange(session.userId, input, request);
  return {
    status: "success",
    message: `We sent a link to ${input.email}. Open it within 24 hours to finish: until then your account keeps its current address.`,
  };
});
