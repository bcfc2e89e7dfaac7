import type { Metadata } from "next";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { env } from "@/lib/core/env";
import { proofingTime } from "@/lib/proofing/emails";
import { startNewAttemptAction } from "../actions";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";

export const metadata: Metadata = { title: "ID proofing result" };

const FAILURE_REASONS: Record<string, string> = {
  identity_not_verified: "We could not verify your identity with the information you entered.",
  // Told apart only for support: the applicant learns nothing about whose SSN this is.
  ssn_in_use: "We could not verify your identity with the information you entered.",
  kba_failed: "Your answers to the verification questions did not match the records.",
  live_video_failed:
    "The proofing agent could not verify your identity. We emailed you the agent's instructions.",
  // Stripe Identity's findings (lib/proofing/stripe-identity.ts).
  document_expired: "Your ID document has expired. Use a current driver's license, passport or ID card.",
  document_unverified: "Your ID document could not be verified.",
  selfie_mismatch: "Your photo did not match the photo on your ID document.",
  ssn_mismatch: "The Social Security number did not match the name and date of birth on your ID document.",
  consent_declined: "You did not agree to the identity check on your phone.",
  canceled: "The identity check on your phone was canceled before it finished.",
};

export default async function ResultPage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "result");
  const decidedAt = proofingTime(view.decidedAt!);
  if (view.status === "PASSED" && view.method === "LIVE_VIDEO") {
    const awaitingCode = view.credentialStatus === "PROOFING_REQUIRED";
    return (
      <ProofingShell step="result" credentialId={view.credentialId}>
        <Notice tone="success">Your live video proofing was successful.</Notice>
        <h2 className="mb-2 text-xl font-semibold">Step 4. Activate Proofing Code</h2>
        {awaitingCode ? (
          <>
            <p className="mb-4 text-sm text-slate-700">
              Enter the activation code the proofing agent gave you. It expires 30 days after it was issued.
            </p>
            <ButtonLink href={`/credentials/${view.credentialId}/activate-code`}>Activate</ButtonLink>
          </>
        ) : (
          <ButtonLink href={`/credentials/${view.credentialId}/phones`}>
            Set up phone one-time passcode
          </ButtonLink>
        )}
      </ProofingShell>
    );
  }
  if (view.status === "PASSED") {
    return (
      <ProofingShell step="result" credentialId={view.credentialId}>
        <Notice tone="success">Your identity is verified.</Notice>
        <h2 className="mb-2 text-xl font-semibold">Identity proofing completed</h2>
        <p className="mb-4 text-sm text-slate-700">
          Identity proofing was completed for your account through Self-Service Mobile Proofing on {decidedAt}
          . We emailed you the same notice. If this was not you, contact MAG Customer Support at{" "}
          {env().SUPPORT_EMAIL} right away.
        </p>
        {view.checkedByStripeIdentity ? (
          <p className="mb-4 text-sm text-slate-700">
            Your ID document, your photo and your Social Security number were checked by Stripe Identity, so
            no knowledge-based questions were asked.
          </p>
        ) : null}
        <p className="mb-4 text-sm text-slate-700">
          IMPORTANT: Now register your credential: set up the phone numbers that receive your one-time
          passcodes.
        </p>
        <ButtonLink href={`/credentials/${view.credentialId}/phones`}>
          Set up phone one-time passcode
        </ButtonLink>
      </ProofingShell>
    );
  }
  const canRetrySelfService = view.methods.includes("SELF_SERVICE") && view.attemptsLeft > 0;
  return (
    <ProofingShell step="result" credentialId={view.credentialId}>
      <Notice tone="error">
        Identity proofing did not succeed.{" "}
        {FAILURE_REASONS[view.failureReason ?? ""] ?? "Your photos could not be verified."}
      </Notice>
      <h2 className="mb-2 text-xl font-semibold">What you can do now</h2>
      {view.attemptsLeft === 0 ? (
        <p className="text-sm text-slate-700">
          You have used all three proofing attempts for this credential. Please contact MAG Customer Support
          at {env().SUPPORT_EMAIL}.
        </p>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-700">
            Your license key is still valid. You have {view.attemptsLeft} proofing attempt
            {view.attemptsLeft === 1 ? "" : "s"} left for this credential.
          </p>
          <section aria-labelledby="video-offer" className="mb-4 rounded-md border border-slate-300 p-4">
            <h3 id="video-offer" className="font-semibold">
              Live Video Proofing
            </h3>
            <p className="mb-3 text-sm text-slate-700">
              Verify your identity by meeting with a proofing agent in a scheduled video session, showing your
              identity documents.
            </p>
            <ActionButtonForm
              action={startNewAttemptAction}
              fields={{ credentialId: view.credentialId }}
              label="Schedule Live Video Proofing"
            />
          </section>
          {canRetrySelfService ? (
            <ActionButtonForm
              action={startNewAttemptAction}
              fields={{ credentialId: view.credentialId }}
              label="Try Self-Service Proofing Again"
              variant="secondary"
            />
          ) : null}
        </>
      )}
    </ProofingShell>
  );
}
