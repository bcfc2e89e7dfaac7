"use server";

import { redirect } from "next/navigation";
import { SignInInputSchema } from "@/lib/accounts/schemas";
import { signInWithPassword } from "@/lib/accounts/service";
import { publicAction } from "@/lib/web/action";
import { signIn } from "@/lib/web/auth";
import { readDeviceCookie, setDeviceCookie } from "@/lib/web/device-cookie";
import { setLoginChallengeCookie } from "./login-challenge-cookie";

export const signInAction = publicAction(SignInInputSchema, async (input, { request }) => {
  const result = await signInWithPassword(input, request, new Date(), await readDeviceCookie());
  if (result.kind === "otp_required") {
    await setLoginChallengeCookie(result.challengeToken);
    redirect(input.next ? `/sign-in/verify?next=${encodeURIComponent(input.next)}` : "/sign-in/verify");
  }
  await signIn("credentials", { ticket: result.ticket, redirect: false });
  await setDeviceCookie(result.deviceToken);
  redirect(input.next ?? "/dashboard");
});
