"use server";

import { redirect } from "next/navigation";
import { undoEmailChange } from "@/lib/accounts/email-change";
import { LinkTokenInputSchema } from "@/lib/accounts/schemas";
import { publicAction } from "@/lib/web/action";

export const undoEmailChangeAction = publicAction(LinkTokenInputSchema, async (input, { request }) => {
  const resetToken = await undoEmailChange(input.token, request);
  redirect(`/reset-password?token=${encodeURIComponent(resetToken)}&restored=1`);
});
