"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/web/action";
import { type ProofingStep } from "@/lib/proofing/proofing";
import {
  bookAppointment,
  cancelMyAppointment,
  chooseAgentMeeting,
  pickSlot,
  reviewSchedule,
  reviewVideoProofing,
} from "@/lib/proofing/video-service";
import {
  AnswerKbaInputSchema,
  BookAppointmentInputSchema,
  PickSlotInputSchema,
  ChooseProofingMethodInputSchema,
  CorrectNameInputSchema,
  CredentialStepInputSchema,
  SelectProofingCountryInputSchema,
  SubmitIdentityInputSchema,
  SubmitMobileInputSchema,
} from "@/lib/proofing/schemas";
import {
  agreeToProofingTerms,
  answerKba,
  chooseProofingMethod,
  confirmProofingName,
  correctProofingName,
  isProofingDecided,
  resendProofingLink,
  selectProofingCountry,
  startAttempt,
  startProofing,
  submitIdentity,
  submitMobile,
} from "@/lib/proofing/service";

const step = (credentialId: string, to: ProofingStep, query = "") =>
  `/credentials/${credentialId}/proofing/${to}${query}`;

export const selectCountryAction = userAction(
  SelectProofingCountryInputSchema,
  async (input, { session }) => {
    await selectProofingCountry(session.userId, input);
    redirect(step(input.credentialId, "method"));
  },
);

export const chooseMethodAction = userAction(ChooseProofingMethodInputSchema, async (input, { session }) => {
  const method = await chooseProofingMethod(session.userId, input);
  redirect(step(input.credentialId, method === "SELF_SERVICE" ? "name" : "video"));
});

export const confirmNameAction = userAction(CredentialStepInputSchema, async (input, { session }) => {
  await confirmProofingName(session.userId, input);
  redirect(step(input.credentialId, "instructions"));
});

export const correctNameAction = userAction(CorrectNameInputSchema, async (input, { session, request }) => {
  await correctProofingName(session.userId, input, request);
  redirect(step(input.credentialId, "name", "?corrected=1"));
});

export const startProofingAction = userAction(CredentialStepInputSchema, async (input, { session }) => {
  await startProofing(session.userId, input);
  redirect(step(input.credentialId, "terms"));
});

export const agreeToTermsAction = userAction(
  CredentialStepInputSchema,
  async (input, { session, request }) => {
    await agreeToProofingTerms(session.userId, input, request);
    redirect(step(input.credentialId, "identity"));
  },
);

export const submitIdentityAction = userAction(SubmitIdentityInputSchema, async (input, { session }) => {
  await submitIdentity(session.userId, input);
  redirect(step(input.credentialId, "mobile"));
});

export const submitMobileAction = userAction(SubmitMobileInputSchema, async (input, { session, request }) => {
  const { outcome } = await submitMobile(session.userId, input, request);
  const next: ProofingStep =
    outcome === "VERIFIED" ? "capture" : outcome === "KBA_REQUIRED" ? "kba" : "result";
  redirect(step(input.credentialId, next));
});

export const answerKbaAction = userAction(AnswerKbaInputSchema, async (input, { session, request }) => {
  const { passed } = await answerKba(session.userId, input, request);
  redirect(step(input.credentialId, passed ? "capture" : "result"));
});

export const resendLinkAction = userAction(CredentialStepInputSchema, async (input, { session, request }) => {
  await resendProofingLink(session.userId, input, request);
  redirect(step(input.credentialId, "capture", "?sent=1"));
});

export const completeProofingAction = userAction(CredentialStepInputSchema, async (input, { session }) => {
  if (!(await isProofingDecided(session.userId, input))) {
    return {
      status: "error",
      message:
        "We have not received your photos yet. Finish the steps on your phone, then click ID PROOFING COMPLETED.",
    };
  }
  redirect(step(input.credentialId, "result"));
});

export const startNewAttemptAction = userAction(
  CredentialStepInputSchema,
  async (input, { session, request }) => {
    await startAttempt(session.userId, input.credentialId, request);
    redirect(step(input.credentialId, "country"));
  },
);

export const reviewVideoAction = userAction(CredentialStepInputSchema, async (input, { session }) => {
  await reviewVideoProofing(session.userId, input);
  redirect(step(input.credentialId, "service"));
});

export const chooseAgentMeetingAction = userAction(CredentialStepInputSchema, async (input, { session }) => {
  await chooseAgentMeeting(session.userId, input);
  redirect(step(input.credentialId, "schedule"));
});

export const reviewScheduleAction = userAction(CredentialStepInputSchema, async (input, { session }) => {
  await reviewSchedule(session.userId, input);
  redirect(step(input.credentialId, "slot"));
});

export const pickSlotAction = userAction(PickSlotInputSchema, async (input, { session }) => {
  await pickSlot(session.userId, input);
  redirect(step(input.credentialId, "details", `?tz=${encodeURIComponent(input.timeZone)}`));
});

export const bookAppointmentAction = userAction(
  BookAppointmentInputSchema,
  async (input, { session, request }) => {
    await bookAppointment(session.userId, input, request);
    redirect(step(input.credentialId, "appointment", "?booked=1"));
  },
);

export const cancelAppointmentAction = userAction(
  CredentialStepInputSchema,
  async (input, { session, request }) => {
    await cancelMyAppointment(session.userId, input, request);
    redirect(step(input.credentialId, "slot", "?cancelled=1"));
  },
);
