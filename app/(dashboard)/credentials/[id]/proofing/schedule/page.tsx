import type { Metadata } from "next";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { VIDEO_POLICY } from "@/lib/proofing/video";
import { reviewScheduleAction } from "../actions";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";

export const metadata: Metadata = { title: "Schedule an Appointment" };

export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadProofingStep(params, "schedule");
  return (
    <ProofingShell step="appointment" credentialId={view.credentialId} backStep="service">
      <h2 className="mb-2 text-xl font-semibold">Schedule an Appointment</h2>
      <ul className="mb-6 list-disc space-y-1 pl-5 text-sm text-slate-800">
        <li>
          Appointments last {VIDEO_POLICY.slotMinutes} minutes and can be booked from 2 hours to{" "}
          {VIDEO_POLICY.maxDaysAhead} days ahead.
        </li>
        <li>
          You need a computer with a webcam, or a smartphone, and one unexpired government-issued photo ID
          (for example a passport or a driver&apos;s license). Without one, bring two STRONG documents, or one
          STRONG and two FAIR ones.
        </li>
        <li>Only you may attend. There is limited time for troubleshooting during your appointment.</li>
        <li>
          We email you a confirmation with a calendar invite, a reminder the day before, and the meeting link
          15 minutes before the start.
        </li>
        <li>If you miss your appointment, you must reschedule it from your MAG account.</li>
        <li>
          After a successful session, the agent gives you an activation code, valid{" "}
          {VIDEO_POLICY.codeValidDays} days. Nobody, including Customer Support, can retrieve it later: keep
          it safe.
        </li>
      </ul>
      <ActionButtonForm
        action={reviewScheduleAction}
        fields={{ credentialId: view.credentialId }}
        label="Continue"
      />
    </ProofingShell>
  );
}
