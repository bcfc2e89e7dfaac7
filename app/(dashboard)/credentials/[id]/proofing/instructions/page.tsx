import type { Metadata } from "next";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { startProofingAction } from "../actions";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";

export const metadata: Metadata = { title: "Proofing instructions" };

export default async function InstructionsPage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "instructions");
  return (
    <ProofingShell step="instructions" credentialId={view.credentialId} backStep="name">
      <h2 className="mb-2 text-xl font-semibold">Proofing instructions</h2>
      <ol className="mb-6 list-decimal space-y-2 pl-5 text-sm text-slate-800">
        <li>Have your unexpired driver&apos;s license or passport and your smartphone ready.</li>
        <li>
          Enter your legal name, date of birth, home address and all nine digits of your Social Security
          Number. They are checked with a credit bureau (Experian); this does not affect your credit score.
        </li>
        <li>Enter your mobile number. You may be asked a few questions only you can answer.</li>
        <li>
          We text a link to your phone. Open it, photograph the front and back of your ID, then take a photo
          of yourself. The link works for 15 minutes.
        </li>
        <li>Come back here and click ID PROOFING COMPLETED.</li>
      </ol>
      <ActionButtonForm
        action={startProofingAction}
        fields={{ credentialId: view.credentialId }}
        label="START PROOFING"
      />
    </ProofingShell>
  );
}
