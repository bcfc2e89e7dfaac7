"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/web/action";
import { signIn } from "@/lib/web/auth";
import { ConfirmStepUpInputSchema, SendSignInCodeInputSchema } from "@/lib/phones/schemas";
import { confirmStepUp, sendStepUpCode } from "@/lib/phones/service";

// Step-up: a fresh phone OTP in a signed-in session (Manage OTP, staff consoles, staff actions).

export const sendStepUpCodeAction = userAction(
  SendSignInCodeInputSchema,
  async (input, { session, request }) => {
    const { expiresAt } = await sendStepUpCode(session, input, request);
    return {
      status: "success",
      message:
        input.channel === "SMS"
          ? "We texted a code to your phone."
          : "We are calling your phone with a code.",
      values: { phoneId: input.phoneId, expiresAt: expiresAt.toISOString() },
    };
  },
);

export const confirmStepUpAction = userAction(
  ConfirmStepUpInputSchema,
  async (input, { session, request }) => {
    const { ticket } = await confirmStepUp(session, input.code, request);
    // The session's level rose, so its id changed: the new session's cookie replaces the old one.
    await signIn("credentials", { ticket, redirect: false });
    // Back to the page that asked for it, which now allows what it guarded.
    redirect(input.next ?? "/dashboard");
  },
);
