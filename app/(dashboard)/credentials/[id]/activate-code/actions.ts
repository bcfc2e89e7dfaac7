"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/web/action";
import {
  activateWithCode,
  checkActivationCode,
  requestNewActivationCode,
} from "@/lib/proofing/activation-service";
import { ActivationCodeInputSchema, CredentialStepInputSchema } from "@/lib/proofing/schemas";

export const checkCodeAction = userAction(ActivationCodeInputSchema, async (input, { session, request }) => {
  await checkActivationCode(session.userId, input, request);
  return { status: "success", message: "The activation code is valid." };
});

export const activateCodeAction = userAction(
  ActivationCodeInputSchema,
  async (input, { session, request }) => {
    await activateWithCode(session.userId, input, request);
    redirect(`/credentials/${input.credentialId}/phones?proofed=1`);
  },
);

export const requestNewCodeAction = userAction(
  CredentialStepInputSchema,
  async (input, { session, request }) => {
    await requestNewActivationCode(session.userId, input.credentialId, request);
    redirect(`/credentials/${input.credentialId}/activate-code`);
  },
);
