"use server";

import { redirect } from "next/navigation";
import { completeSignInWithCode, sendSignInCode } from "@/lib/accounts/service";
import { publicAction } from "@/lib/web/action";
import { signIn } from "@/lib/web/auth";
import { setDeviceCookie } from "@/lib/web/device-cookie";
import { SendSignInCodeInputSchema, VerifySignInCodeInputSchema } from "@/lib/phones/schemas";
import { clearLoginChallengeCookie, readLoginChallengeCookie } from "../login-challenge-cookie";

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
    const { ticket, deviceToken } = await completeSignInWithCode(
      await readLoginChallengeCookie(),
      input.code,
      request,
    );
    await clearLoginChallengeCookie();
    await signIn("credentials", { ticket, redirect: false });
    await setDeviceCookie(deviceToken);
    redirect(input.next ?? "/dashboard");
  },
);
