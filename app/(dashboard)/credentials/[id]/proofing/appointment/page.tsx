import type { Metadata } from "next";
import Link from "next/link";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/web/auth";
import { formatInZone, IDENTITY_DOCUMENTS, type IdentityDocument } from "@/lib/proofing/video";
import { getMyAppointment } from "@/lib/proofing/video-service";
import { cancelAppointmentAction } from "../actions";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";

export const metadata: Metadata = { title: "Your proofing appointment" };

export default async function AppointmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ booked?: string }>;
}) {
  const view = await loadProofingStep(params, "appointment");
  const session = await requireUser();
  const appointment = (await getMyAppointment(session.userId, view.credentialId))!;
  const { booked } = await searchParams;
  return (
    <ProofingShell step="meeting" credentialId={view.credentialId}>
      <p className="mb-4 text-sm text-slate-700">
        Before your appointment, review the{" "}
        <Link href="/help/identity-proofing" className="text-brand-700 underline">
          Identity Proofing Resource
        </Link>
        .
      </p>
      {booked ? (
        <Notice tone="success">
          Your appointment is booked. We emailed you a confirmation with a calendar invite.
        </Notice>
      ) : null}
      <h2 className="mb-2 text-xl font-semibold">Your proofing appointment</h2>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">When</dt>
        <dd>{formatInZone(appointment.startsAt, appointment.timeZone)}</dd>
        <dt className="font-medium">Proofing agent</dt>
        <dd>{appointment.agentName}</dd>
        <dt className="font-medium">Documents</dt>
        <dd>{appointment.documents.map((d) => IDENTITY_DOCUMENTS[d as IdentityDocument] ?? d).join(", ")}</dd>
        <dt className="font-medium">Meeting</dt>
        <dd>
          <a href={appointment.meetingUrl} className="text-brand-700 underline">
            Join the meeting
          </a>{" "}
          (we also email the link 15 minutes before the start)
        </dd>
      </dl>
      <div className="flex flex-wrap items-center gap-4">
        <Link
          href={`/credentials/${view.credentialId}/proofing/slot`}
          className="border-brand-700 text-brand-700 hover:bg-brand-50 inline-flex items-center justify-center rounded-md border bg-white px-4 py-2 text-sm font-semibold"
        >
          Reschedule
        </Link>
        <ActionButtonForm
          action={cancelAppointmentAction}
          fields={{ credentialId: view.credentialId }}
          label="Cancel Appointment"
          variant="danger"
        />
      </div>
    </ProofingShell>
  );
}
