import type { Metadata } from "next";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";
import { MobileForm } from "./mobile-form";

export const metadata: Metadata = { title: "Enter your Mobile Number" };

export default async function MobilePage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "mobile");
  return (
    <ProofingShell step="mobile" credentialId={view.credentialId} backStep="identity">
      <h2 className="mb-2 text-xl font-semibold">Enter your Mobile Number</h2>
      <p className="mb-4 text-sm text-slate-700">
        When you click Next, we check your identity. If further evidence is needed, you are asked a few
        Knowledge-Based Authentication (KBA) questions.
      </p>
      <MobileForm credentialId={view.credentialId} />
    </ProofingShell>
  );
}
