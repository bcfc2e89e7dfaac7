import type { Metadata } from "next";
import Link from "next/link";
import { US_STATES } from "@/lib/proofing/proofing";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";
import { IdentityForm } from "./identity-form";

export const metadata: Metadata = { title: "Verify your identity" };

export default async function IdentityPage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "identity");
  const initial = view.identity ?? {
    firstName: view.fullName.firstName,
    middleName: "",
    lastName: view.fullName.lastName,
    birthDate: "",
    addressLine1: "",
    addressLine2: "",
    city: "",
    state: "",
    postalCode: "",
  };
  return (
    <ProofingShell step="identity" credentialId={view.credentialId} backStep="terms">
      <h2 className="mb-2 text-xl font-semibold">Verify your identity</h2>
      <p className="mb-4 text-sm text-slate-700">
        Complete all required fields, including all nine digits of your Social Security Number, then click
        Next. NOTE: If your name is listed incorrectly, click{" "}
        <Link
          href={`/credentials/${view.credentialId}/proofing/name?correct=1`}
          className="text-brand-700 underline"
        >
          MY NAME IS INCORRECT
        </Link>
        .
      </p>
      <IdentityForm
        credentialId={view.credentialId}
        initial={initial}
        states={US_STATES}
        ssnLast4={view.identity?.ssnLast4 ?? null}
      />
    </ProofingShell>
  );
}
