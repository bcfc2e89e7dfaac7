import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/web/auth";
import { getAgentAvailability, listAgentAppointments, listCodeRequests } from "@/lib/proofing/agent-service";
import { AvailabilityForm } from "./availability-form";
import { ReissueCodeForm } from "./reissue-form";

export const metadata: Metadata = { title: "Proofing appointments" };

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export default async function AgentPage() {
  const session = await requireRole(["PROOFING_AGENT"]);
  const [availability, appointments, codeRequests] = await Promise.all([
    getAgentAvailability(session.userId),
    listAgentAppointments(session.userId),
    listCodeRequests(session.userId),
  ]);
  const timeZone = availability[0]?.timeZone ?? "America/New_York";
  const windows = Object.fromEntries(
    availability.map((w) => [w.weekday, { start: hhmm(w.startMinute), end: hhmm(w.endMinute) }]),
  );
  return (
    <div className="space-y-8">
      <section aria-labelledby="appointments-heading">
        <h2 id="appointments-heading" className="mb-2 text-xl font-semibold">
          My appointments
        </h2>
        {appointments.length === 0 ? <p className="text-sm">No appointments.</p> : null}
        <ul className="divide-y divide-slate-200">
          {appointments.map((a) => (
            <li key={a.id} className="py-2 text-sm">
              <Link
                href={`/admin/proofing/appointments/${a.id}`}
                className="text-brand-700 font-medium underline"
              >
                {a.startsAt.toLocaleString("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" })}
              </Link>{" "}
              · {a.applicantName} · {a.country} · {a.status.replace("_", " ").toLowerCase()}
            </li>
          ))}
        </ul>
      </section>
      {codeRequests.length > 0 ? (
        <section aria-labelledby="code-requests-heading">
          <h2 id="code-requests-heading" className="mb-2 text-xl font-semibold">
            Activation code requests
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            Applicants you passed who lost their activation code or let it expire. Call them on the number
            they gave for the session, re-check who they are, then issue a new code and read it to them.
          </p>
          <ul className="space-y-4">
            {codeRequests.map((r) => (
              <li key={r.id} className="text-sm">
                <p className="mb-1 font-medium">
                  {r.applicantName} · asked {r.requestedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                </p>
                <ReissueCodeForm credentialId={r.credentialId} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="availability-heading">
        <h2 id="availability-heading" className="mb-2 text-xl font-semibold">
          My availability
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Applicants book 30-minute appointments inside these weekly hours, from 2 hours to 14 days ahead.
          Leave a day empty when you do not take appointments.
        </p>
        <AvailabilityForm timeZone={timeZone} windows={windows} />
      </section>
    </div>
  );
}
