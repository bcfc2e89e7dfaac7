import type { Metadata } from "next";
import Link from "next/link";
import { loadOwned } from "@/lib/web/access";
import { requireRole } from "@/lib/web/auth";
import { requestInfo } from "@/lib/web/request";
import { getAgentAppointment } from "@/lib/proofing/agent-service";
import { AGENT_QUESTIONS, EVIDENCE_OPTIONS } from "@/lib/proofing/video";
import { ReissueCodeForm } from "../../reissue-form";
import { OutcomeForm } from "./outcome-form";

export const metadata: Metadata = { title: "Proofing session" };

export default async function AgentAppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireRole(["PROOFING_AGENT"]);
  const { id } = await params;
  // Another agent's appointment answers 404, as one that does not exist.
  const request = await requestInfo();
  const appointment = await loadOwned(session, "appointment", id, (id) =>
    getAgentAppointment(session.userId, id, request),
  );
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/proofing" className="text-brand-700 underline">
          My appointments
        </Link>
      </p>
      <h2 className="text-xl font-semibold">Proofing session with {appointment.applicantName}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">When</dt>
        <dd>{appointment.startsAt.toISOString().replace("T", " ").slice(0, 16)} UTC</dd>
        <dt className="font-medium">Country</dt>
        <dd>{appointment.country}</dd>
        <dt className="font-medium">Declared documents</dt>
        <dd>{appointment.documents.join(", ")}</dd>
        <dt className="font-medium">Phone</dt>
        <dd>
          {appointment.contact ? (
            <a
              href={`tel:${appointment.contact.phone.replace(/[^\d+]/g, "")}`}
              className="text-brand-700 underline"
            >
              {appointment.contact.phone}
            </a>
          ) : (
            `ending in ${appointment.contactPhoneLastDigits}`
          )}
        </dd>
        {appointment.contact ? (
          <>
            <dt className="font-medium">Email</dt>
            <dd>
              <a href={`mailto:${appointment.contact.email}`} className="text-brand-700 underline">
                {appointment.contact.email}
              </a>
            </dd>
          </>
        ) : null}
        <dt className="font-medium">Meeting</dt>
        <dd>
          <a href={appointment.meetingUrl} className="text-brand-700 underline">
            Join the meeting
          </a>
        </dd>
        <dt className="font-medium">Status</dt>
        <dd>{appointment.status.replace("_", " ").toLowerCase()}</dd>
      </dl>
      {appointment.status === "PASSED" ? (
        <section aria-labelledby="code-heading" className="space-y-2">
          <h3 id="code-heading" className="font-semibold">
            Activation code
          </h3>
          <p className="text-sm text-slate-700">
            The code you gave cannot be shown again. If the applicant lost it or it expired before they used
            it, re-check their identity (for example by calling them back) and issue a new one.
          </p>
          <ReissueCodeForm credentialId={appointment.credentialId} />
        </section>
      ) : null}
      {appointment.status === "BOOKED" ? (
        <OutcomeForm
          appointmentId={appointment.id}
          evidenceOptions={Object.entries(EVIDENCE_OPTIONS).map(([key, label]) => ({ key, label }))}
          questions={Object.entries(AGENT_QUESTIONS).map(([key, label]) => ({ key, label }))}
        />
      ) : null}
    </div>
  );
}
