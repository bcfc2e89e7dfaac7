"use server";

import { redirect } from "next/navigation";
import { RecoveryPhoneCodeInputSchema, RecoveryPhoneInputSchema } from "@/lib/phones/schemas";
import { RecoveryCodeInputSchema } from "@/lib/recovery/schemas";
import {
  completeRecoveryWithPhone,
  sendRecoveryPhoneCode,
  signInWithRecoveryCode,
} from "@/lib/recovery/service";
import { publicAction } from "@/lib/web/action";
import { newPhoneCodeSent } from "@/lib/web/phone-code-sent";
import { finishSignIn } from "../finish-sign-in";
import { readLoginChallengeCookie } from "../login-challenge-cookie";

const withNext = (path: string, next: string | undefined) =>
  next ? `${path}?next=${encodeURIComponent(next)}` : path;

export const recoveryCodeSignInAction = publicAction(RecoveryCodeInputSchema, async (input, { request }) => {
  await signInWithRecoveryCode(await readLoginChallengeCookie(), input.code, request);
  redirect(withNext("/sign-in/recover/phone", input.next));
});

export const sendRecoveryPhoneCodeAction = publicAction(
  RecoveryPhoneInputSchema,
  async (input, { request }) => {
    return newPhoneCodeSent(
      input,
      await sendRecoveryPhoneCode(await readLoginChallengeCookie(), input, request),
    );
  },
);

export const confirmRecoveryPhoneAction = publicAction(
  RecoveryPhoneCodeInputSchema,
  async (input, { request }) => {
    const opened = await completeRecoveryWithPhone(await readLoginChallengeCookie(), input.code, request);
    await finishSignIn(opened, request, input.next ?? "/dashboard?recovered=1");
  },
);
