import type { Metadata } from "next";
import { COUNTRIES } from "@/lib/accounts/countries";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";
import { CountryForm } from "./country-form";

export const metadata: Metadata = { title: "Select the proofing country" };

export default async function CountryPage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "country");
  return (
    <ProofingShell step="country" credentialId={view.credentialId}>
      <h2 className="mb-2 text-xl font-semibold">Select the proofing country</h2>
      <p className="mb-4 text-sm text-slate-700">
        Your {view.productName} credential requires identity proofing. Select the country where you are
        located, then click Next.
      </p>
      <p className="mb-4 rounded-md bg-slate-100 p-3 text-sm text-slate-800">
        NOTE: Experian Self-service proofing is only available in the US. You will need a passport or a
        driver&apos;s license to complete the process successfully. Outside the US, you prove your identity in
        a live video session with a proofing agent.
      </p>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="font-medium">Name</dt>
        <dd>
          {view.fullName.firstName} {view.fullName.lastName}
        </dd>
        <dt className="font-medium">Email Address</dt>
        <dd>{view.email}</dd>
      </dl>
      <CountryForm credentialId={view.credentialId} countries={COUNTRIES} initial={view.country ?? ""} />
    </ProofingShell>
  );
}
