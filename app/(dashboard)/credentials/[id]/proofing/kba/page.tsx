import type { Metadata } from "next";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";
import { KbaForm } from "./kba-form";

export const metadata: Metadata = { title: "Knowledge-Based Authentication Questions" };

export default async function KbaPage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "kba");
  return (
    <ProofingShell step="kba" credentialId={view.credentialId} backStep="mobile">
      <h2 className="mb-2 text-xl font-semibold">Knowledge-Based Authentication Questions</h2>
      <p className="mb-4 text-sm text-slate-700">
        Further evidence is needed to verify your identity. Answer these questions from your credit history,
        then click Next. A wrong answer ends this proofing attempt.
      </p>
      <KbaForm credentialId={view.credentialId} questions={view.kbaQuestions ?? []} />
    </ProofingShell>
  );
}
