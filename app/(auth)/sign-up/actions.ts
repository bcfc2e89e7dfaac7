"use server";

import { SignUpInputSchema } from "@/lib/accounts/schemas";
import { signUp } from "@/lib/accounts/service";
import { publicAction } from "@/lib/web/action";

export const signUpAction = publicAction(SignUpInputSchema, async (input, { request }) => {
  await signUp(input, request);
  return {
    status: "success",
    message: `Almost done: we sent a verification link to ${input.email}. Open it to activate your account.`,
  };
});
