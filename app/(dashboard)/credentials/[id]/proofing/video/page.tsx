import type { Metadata } from "next";
import Link from "next/link";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { countryName } from "@/lib/accounts/countries";
import { reviewVideoAction } from "../actions";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";

export const metadata: Metadata = { title: "Live Video Proofing" };

export default async function VideoReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "video");
  return (
    <ProofingShell step="review" credentialId={view.credentialId} backStep="method">
      <h2 className="mb-2 text-xl font-semibold">Live Video Proofing</h2>
      <p className="mb-4 text-sm text-slate-700">
        Review the information below. Verify your name and your desired proofing country, then click Next.
      </p>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Name</dt>
        <dd>
          {view.fullName.firstName} {view.fullName.lastName}
        </dd>
        <dt className="font-medium">Proofing country</dt>
        <dd>{countryName(view.country ?? "")}</dd>
        <dt className="font-medium">Credential</dt>
        <dd>{view.productName}</dd>
      </dl>
      <p className="mb-4 text-sm text-slate-700">
        Your name must match your identity documents. To correct it, edit your{" "}
        <Link href="/account" className="text-brand-700 underline">
          profile
        </Link>{" "}
        first; to change the country, go Back.
      </p>
      <ActionButtonForm
        action={reviewVideoAction}
        fields={{ credentialId: view.credentialId }}
        label="Next"
      />
    </ProofingShell>
  );
}
