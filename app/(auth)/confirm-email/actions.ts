"use server";

import { confirmEmailChange } from "@/lib/accounts/email-change";
import { LinkTokenInputSchema } from "@/lib/accounts/schemas";
import { publicAction } from "@/lib/web/action";

export const confirmEmailAction = publicAction(LinkTokenInputSchema, async (input, { request }) => {
  const email = await confirmEmailChange(input.token, request);
  return { status: "success", message: `Done: your MAG account's email address is now ${email}.` };
});
