"use server";

import { redirect } from "next/navigation";
import { ResetPasswordInputSchema } from "@/lib/accounts/schemas";
import { resetPassword } from "@/lib/accounts/service";
import { publicAction } from "@/lib/web/action";

export const resetPasswordAction = publicAction(ResetPasswordInputSchema, async (input, { request }) => {
  await resetPassword(input, request);
  redirect("/sign-in?passwordReset=1");
});
