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
    const { next } = await selectProofingCountry(session.userId, input);
    redirect(step(input.credentialId, next));
  },
);

export const chooseMethodAction = userAction(ChooseProofingMethodInputSchema, async (input, { session }) => {
  const { next } = await chooseProofingMethod(session.userId, input);
  redirect(step(input.credentialId, next));
});

export const confirmNameAction = userAction(CredentialStepInputSchema, async (input, { session }) => {
  const { next } = await confirmProofingName(session.userId, input);
  redirect(step(input.credentialId, next));
});

export const correctNameAction = userAction(CorrectNameInputSchema, async (input, { session, request }) => {
  const { next } = await correctProofingName(session.userId, input, request);
  redirect(step(input.credentialId, next, "?corrected=1"));
});

export const startProofingAction = userAction(CredentialStepInputSchema, async (input, { session }) => {
  const { next } = await startProofing(session.userId, input);
  redirect(step(input.credentialId, next));
});

export const agreeToTermsAction = userAction(
  CredentialStepInputSchema,
  async (input, { session, request }) => {
    const { next } = await agreeToProofingTerms(session.userId, input, request);
    redirect(step(input.credentialId, next));
  },
);

export const submitIdentityAction = userAction(SubmitIdentityInputSchema, async (input, { session }) => {
  const { next } = await submitIdentity(session.userId, input);
  redirect(step(input.credentialId, next));
});

export const submitMobileAction = userAction(SubmitMobileInputSchema, async (input, { session, request }) => {
  const { next } = await submitMobile(session.userId, input, request);
  redirect(step(input.credentialId, next));
});

export const answerKbaAction = userAction(AnswerKbaInputSchema, async (input, { session, request }) => {
  const { next } = await answerKba(session.userId, input, request);
  redirect(step(input.credentialId, next));
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
  const { next } = await reviewVideoProofing(session.userId, input);
  redirect(step(input.credentialId, next));
});

export const chooseAgentMeetingAction = userAction(CredentialStepInputSchema, async (input, { session }) => {
  const { next } = await chooseAgentMeeting(session.userId, input);
  redirect(step(input.credentialId, next));
});

export const reviewScheduleAction = userAction(CredentialStepInputSchema, async (input, { session }) => {
  const { next } = await reviewSchedule(session.userId, input);
  redirect(step(input.credentialId, next));
});

export const pickSlotAction = userAction(PickSlotInputSchema, async (input, { session }) => {
  const { next } = await pickSlot(session.userId, input);
  redirect(step(input.credentialId, next, `?tz=${encodeURIComponent(input.timeZone)}`));
});

export const bookAppointmentAction = userAction(
  BookAppointmentInputSchema,
  async (input, { session, request }) => {
    const { next } = await bookAppointment(session.userId, input, request);
    redirect(step(input.credentialId, next, "?booked=1"));
  },
);

export const cancelAppointmentAction = userAction(
  CredentialStepInputSchema,
  async (input, { session, request }) => {
    const { next } = await cancelMyAppointment(session.userId, input, request);
    redirect(step(input.credentialId, next, "?cancelled=1"));
  },
);
