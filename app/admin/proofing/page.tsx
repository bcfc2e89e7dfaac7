import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/web/auth";
import { getAgentAvailability, listAgentAppointments } from "@/lib/proofing/agent-service";
import { AvailabilityForm } from "./availability-form";

export const metadata: Metadata = { title: "Proofing appointments" };

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export default async function AgentPage() {
  const session = await requireRole(["PROOFING_AGENT"]);
  const [availability, appointments] = await Promise.all([
    getAgentAvailability(session.userId),
    listAgentAppointments(session.userId),
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
