import type { Metadata } from "next";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { PROOFING_POLICY, PROOFING_TERMS_VERSION } from "@/lib/proofing/proofing";
import { agreeToTermsAction } from "../actions";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";

export const metadata: Metadata = { title: "Self-Service Proofing Terms and Conditions" };

export default async function TermsPage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "terms");
  return (
    <ProofingShell step="terms" credentialId={view.credentialId} backStep="instructions">
      <h2 className="mb-2 text-xl font-semibold">Self-Service Proofing Terms and Conditions</h2>
      <div className="mb-6 max-h-72 space-y-3 overflow-y-auto rounded-md border border-slate-300 p-4 text-sm text-slate-800">
        <p>Version {PROOFING_TERMS_VERSION}.</p>
        <p>
          To verify your identity, you authorize us to share your name, date of birth, home address, Social
          Security Number and mobile number with Experian, which compares them with its records. This is a
          soft inquiry: it does not affect your credit score.
        </p>
        <p>
          You consent to the capture of photos of both sides of your identity document and of a photo of your
          face (a selfie), and to their comparison with each other and with the information you provide.
        </p>
        <p>
          Your Social Security Number is stored encrypted and shown to nobody, including our staff, beyond its
          last four digits. Your photos are stored encrypted and deleted {PROOFING_POLICY.imageRetentionDays}{" "}
          days after the proofing decision; the decision and a summary of the checks are kept with your
          credential.
        </p>
        <p>
          You may make up to {PROOFING_POLICY.maxAttemptsPerCredential} proofing attempts for this credential.
          After {PROOFING_POLICY.failedSelfServiceBeforeVideoOnly} unsuccessful self-service attempts, live
          video proofing with an agent is offered instead; your license key stays valid.
        </p>
      </div>
      <ActionButtonForm
        action={agreeToTermsAction}
        fields={{ credentialId: view.credentialId }}
        label="AGREE AND CONTINUE"
      />
    </ProofingShell>
  );
}
