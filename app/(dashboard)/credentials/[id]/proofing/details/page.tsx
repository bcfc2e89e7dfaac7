import type { Metadata } from "next";
import { formatInZone, IDENTITY_DOCUMENTS, isTimeZone } from "@/lib/proofing/video";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";
import { DetailsForm } from "./details-form";
import { zoneName } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Confirm your appointment" };

export default async function DetailsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tz?: string }>;
}) {
  const view = await loadProofingStep(params, "details");
  const { tz } = await searchParams;
  const timeZone = tz && isTimeZone(tz) ? tz : zoneName(await readerTimeZone());
  return (
    <ProofingShell step="confirm" credentialId={view.credentialId} backStep="slot">
      <h2 className="mb-2 text-xl font-semibold">Confirm your appointment</h2>
      <p className="mb-4 text-sm text-slate-700">
        Appointment: <strong>{formatInZone(view.slotStartsAt!, timeZone)}</strong>. Enter the required fields,
        then click Confirm.
      </p>
      <DetailsForm
        credentialId={view.credentialId}
        timeZone={timeZone}
        email={view.email}
        documents={Object.entries(IDENTITY_DOCUMENTS).map(([key, label]) => ({ key, label }))}
      />
    </ProofingShell>
  );
}
