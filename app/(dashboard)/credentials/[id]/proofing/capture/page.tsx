import type { Metadata } from "next";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { Notice } from "@/components/ui/notice";
import { proofingTime } from "@/lib/proofing/emails";
import { completeProofingAction, resendLinkAction } from "../actions";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";

export const metadata: Metadata = { title: "Complete proofing on your phone" };

export default async function CapturePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ sent?: string }>;
}) {
  const view = await loadProofingStep(params, "capture");
  const { sent } = await searchParams;
  const fields = { credentialId: view.credentialId };
  return (
    <ProofingShell step="capture" credentialId={view.credentialId}>
      <h2 className="mb-2 text-xl font-semibold">Complete proofing on your phone</h2>
      {sent ? <Notice tone="success">We texted you a new proofing link.</Notice> : null}
      {view.linkSentAt ? (
        <p className="mb-4 text-sm text-slate-700">
          We texted a proofing link to your mobile number ending in {view.mobileLastDigits} at{" "}
          {proofingTime(view.linkSentAt)}. It works for 15 minutes.
        </p>
      ) : (
        <Notice tone="error">We could not text the proofing link. Send it again.</Notice>
      )}
      <ol className="mb-6 list-decimal space-y-1 pl-5 text-sm text-slate-800">
        <li>Open the link on your mobile phone.</li>
        <li>Click the Let&apos;s get started button.</li>
        <li>Capture a photo of the back and front sides of your ID.</li>
        <li>Capture a photo of yourself.</li>
        <li>When your phone shows the confirmation page, click ID PROOFING COMPLETED below.</li>
      </ol>
      <div className="flex flex-wrap items-start gap-4">
        <ActionButtonForm action={completeProofingAction} fields={fields} label="ID PROOFING COMPLETED" />
        <ActionButtonForm
          action={resendLinkAction}
          fields={fields}
          label="Send the link again"
          variant="secondary"
        />
      </div>
    </ProofingShell>
  );
}
