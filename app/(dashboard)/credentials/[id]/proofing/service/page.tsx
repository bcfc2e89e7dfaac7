import type { Metadata } from "next";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";
import { ServiceForm } from "./service-form";

export const metadata: Metadata = { title: "Select the Proofing Service" };

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "service");
  return (
    <ProofingShell step="review" credentialId={view.credentialId} backStep="video">
      <h2 className="mb-2 text-xl font-semibold">Select the Proofing Service</h2>
      <p className="mb-4 text-sm text-slate-700">
        A MAG proofing agent meets you in a video session, looks at your identity documents and asks you a few
        yes or no questions.
      </p>
      <ServiceForm credentialId={view.credentialId} />
    </ProofingShell>
  );
}
