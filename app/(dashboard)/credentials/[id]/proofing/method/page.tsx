import Link from "next/link";
import type { Metadata } from "next";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { Notice } from "@/components/ui/notice";
import { countryName } from "@/lib/accounts/countries";
import { SELF_SERVICE_COUNTRIES } from "@/lib/proofing/proofing";
import { chooseMethodAction } from "../actions";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";

export const metadata: Metadata = { title: "Select identity proofing method" };

export default async function MethodPage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "method");
  const country = view.country!;
  const selfService = view.methods.includes("SELF_SERVICE");
  const fields = { credentialId: view.credentialId };
  return (
    <ProofingShell step="method" credentialId={view.credentialId} backStep="country">
      <h2 className="mb-2 text-xl font-semibold">Select identity proofing method</h2>
      <p className="mb-4 text-sm text-slate-700">Proofing country: {countryName(country)}</p>
      <p className="mb-4 text-sm text-slate-700">
        What each method needs:{" "}
        <Link href="/help/identity-proofing" className="text-brand-700 underline">
          Identity Proofing Resource
        </Link>
        .
      </p>
      {!selfService && SELF_SERVICE_COUNTRIES.has(country) ? (
        <Notice tone="info">
          Self-service proofing did not succeed twice on this credential. Your license key is still valid:
          complete proofing in a live video session with a proofing agent.
        </Notice>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {selfService ? (
          <li className="rounded-md border border-slate-300 p-4">
            <h3 className="font-semibold">Self-Service Mobile Proofing</h3>
            <p className="mb-4 text-sm text-slate-700">
              Use your smartphone&apos;s camera, your Social Security Number (SSN), and your driver&apos;s
              license or passport. Takes about 10 minutes.
            </p>
            <ActionButtonForm
              action={chooseMethodAction}
              fields={{ ...fields, method: "SELF_SERVICE" }}
              label="PROCEED WITH MOBILE PHONE"
            />
          </li>
        ) : null}
        <li className="rounded-md border border-slate-300 p-4">
          <h3 className="font-semibold">Live Video Proofing</h3>
          <p className="mb-4 text-sm text-slate-700">
            Meet a proofing agent in a scheduled video session and show your identity documents. Required
            outside the United States; also for US users who cannot complete self-service proofing.
          </p>
          <ActionButtonForm
            action={chooseMethodAction}
            fields={{ ...fields, method: "LIVE_VIDEO" }}
            label="PROCEED WITH LIVE VIDEO PROOFING"
            variant={selfService ? "secondary" : "primary"}
          />
        </li>
      </ul>
    </ProofingShell>
  );
}
