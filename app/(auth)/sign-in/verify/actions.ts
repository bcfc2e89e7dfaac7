"use server";

import { completeSignInWithCode, sendSignInCode } from "@/lib/accounts/service";
import { publicAction } from "@/lib/web/action";
import { SendSignInCodeInputSchema, VerifySignInCodeInputSchema } from "@/lib/phones/schemas";
import { finishSignIn } from "../finish-sign-in";
import { readLoginChallengeCookie } from "../login-challenge-cookie";

export const sendSignInCodeAction = publicAction(SendSignInCodeInputSchema, async (input, { request }) => {
  const { expiresAt } = await sendSignInCode(await readLoginChallengeCookie(), input, request);
  return {
    status: "success",
    message:
      input.channel === "SMS" ? "We texted a code to your phone." : "We are calling your phone with a code.",
    values: { phoneId: input.phoneId, expiresAt: expiresAt.toISOString() },
  };
});

export const verifySignInCodeAction = publicAction(
  VerifySignInCodeInputSchema,
  async (input, { request }) => {
    const opened = await completeSignInWithCode(await readLoginChallengeCookie(), input.code, request);
    await finishSignIn(opened, request, input.next ?? "/dashboard");
  },
);
