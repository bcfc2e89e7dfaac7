"use server";

import { redirect } from "next/navigation";
import { SignInInputSchema } from "@/lib/accounts/schemas";
import { signInWithPassword } from "@/lib/accounts/service";
import { publicAction } from "@/lib/web/action";
import { readDeviceCookie } from "@/lib/web/device-cookie";
import { finishSignIn } from "./finish-sign-in";
import { setLoginChallengeCookie } from "./login-challenge-cookie";
import { setReopenCookie } from "./reopen/reopen-cookie";

export const signInAction = publicAction(SignInInputSchema, async (input, { request }) => {
  const result = await signInWithPassword(input, request, new Date(), await readDeviceCookie());
  if (result.kind === "otp_required") {
    await setLoginChallengeCookie(result.challengeToken);
    redirect(input.next ? `/sign-in/verify?next=${encodeURIComponent(input.next)}` : "/sign-in/verify");
  }
  if (result.kind === "closed") {
    await setReopenCookie(result.reopenToken);
    redirect("/sign-in/reopen");
  }
  await finishSignIn(result, request, input.next ?? "/dashboard");
});
