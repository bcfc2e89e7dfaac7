import { redirect } from "next/navigation";
import { loadProofingStep } from "./load-step";

/** The proofing application's entry: the latest step the case may be on, or its result once decided. */
export default async function ProofingEntry({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "result");
  redirect(`/credentials/${view.credentialId}/proofing/result`);
}
