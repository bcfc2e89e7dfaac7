import type { Metadata } from "next";
import Link from "next/link";
import { listScheduledAppointments, SCHEDULE_DAYS } from "@/lib/proofing/agent-service";
import { requireRole, SUPPORT_ROLES } from "@/lib/web/auth";
import { formatDateTime } from "@/lib/core/time-zone";

export const metadata: Metadata = { title: "Appointments" };

const STATUS_LABELS: Record<string, string> = {
  BOOKED: "Booked",
  CANCELLED: "Cancelled",
  NO_SHOW: "No show",
  PASSED: "Passed",
  FAILED: "Failed",
};

const day = (d: Date) =>
  d.toLocaleDateString("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" });
const time = (d: Date) => d.toISOString().slice(11, 16);

/** Every proofing agent's appointments for the coming days, by day (UTC, as on every staff page). */
export default async function SchedulePage() {
  await requireRole(SUPPORT_ROLES);
  const appointments = await listScheduledAppointments();
  const days = Map.groupBy(appointments, (a) => day(a.startsAt));
  return (
    <section aria-labelledby="schedule-heading" className="space-y-4">
      <h2 id="schedule-heading" className="text-xl font-semibold">
        Appointments
      </h2>
      <p className="text-sm text-slate-700">
        Every agent&apos;s live video proofing appointments from today to {SCHEDULE_DAYS} days ahead. Times
        are UTC.
      </p>
      {appointments.length === 0 ? <p className="text-sm">No appointments in these days.</p> : null}
      {[...days].map(([label, items]) => (
        <section key={label} aria-label={label}>
          <h3 className="mb-1 font-semibold">{label}</h3>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th className="py-1 pr-4 font-medium">Time (UTC)</th>
                <th className="py-1 pr-4 font-medium">Agent</th>
                <th className="py-1 pr-4 font-medium">Applicant</th>
                <th className="py-1 font-medium">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className="border-b border-slate-100">
                  <td className="py-1 pr-4 font-mono">
                    {time(a.startsAt)}–{time(a.endsAt)}
                  </td>
                  <td className="py-1 pr-4">{a.agentName}</td>
                  <td className="py-1 pr-4">
                    <Link href={`/admin/users/${a.applicantId}`} className="text-brand-700 underline">
                      {a.applicantName}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {formatDateTime(a.startsAt, a.applicantTimeZone)} their time
                    </span>
                  </td>
                  <td className="py-1">{STATUS_LABELS[a.status] ?? a.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
