"use server";

import { RequestPasswordResetInputSchema } from "@/lib/accounts/schemas";
import { requestPasswordReset } from "@/lib/accounts/service";
import { publicAction } from "@/lib/web/action";

export const forgotPasswordAction = publicAction(
  RequestPasswordResetInputSchema,
  async (input, { request }) => {
    await requestPasswordReset(input, request);
    return {
      status: "success",
      message:
        "If an account matches, we have sent a link to reset its password. The link is valid for 1 hour.",
    };
  },
);
