import type { Metadata } from "next";
import { Suspense } from "react";
import { TimeZoneSync } from "@/components/forms/time-zone-sync";
import { Notice } from "@/components/ui/notice";
import { dayInZone, isTimeZone } from "@/lib/proofing/video";
import { listFreeSlots } from "@/lib/proofing/video-service";
import { loadProofingStep } from "../load-step";
import { ProofingShell } from "../proofing-shell";
import { SlotForm, type SlotDay } from "./slot-form";
import { zoneName } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Select an appointment date and time" };

const COMMON_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "Europe/London",
  "Europe/Paris",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Sydney",
  "UTC",
];

export default async function SlotPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tz?: string; cancelled?: string }>;
}) {
  const view = await loadProofingStep(params, "slot");
  const { tz, cancelled } = await searchParams;
  const timeZone = tz && isTimeZone(tz) ? tz : zoneName(await readerTimeZone());
  const slots = await listFreeSlots();
  const days: SlotDay[] = [];
  for (const slot of slots) {
    const day = dayInZone(slot.startsAt, timeZone);
    let entry = days.find((d) => d.day === day);
    if (!entry) {
      const label = slot.startsAt.toLocaleDateString("en-US", {
        timeZone,
        weekday: "long",
        month: "long",
        day: "numeric",
      });
      entry = { day, label, slots: [] };
      days.push(entry);
    }
    const label = slot.startsAt.toLocaleTimeString("en-US", { timeZone, hour: "numeric", minute: "2-digit" });
    entry.slots.push({ value: slot.startsAt.toISOString(), label });
  }
  const zones = COMMON_ZONES.includes(timeZone) ? COMMON_ZONES : [timeZone, ...COMMON_ZONES];
  return (
    <ProofingShell step="appointment" credentialId={view.credentialId} backStep="schedule">
      <Suspense>
        <TimeZoneSync />
      </Suspense>
      <h2 className="mb-2 text-xl font-semibold">Select an appointment date and time</h2>
      {cancelled ? <Notice tone="success">Your appointment is cancelled. Choose a new time.</Notice> : null}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2 text-sm">
        <label htmlFor="tz" className="font-medium">
          Times shown in
        </label>
        <select
          id="tz"
          name="tz"
          defaultValue={timeZone}
          className="rounded border border-slate-400 px-2 py-1"
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <button type="submit" className="text-brand-700 underline">
          Change time zone
        </button>
      </form>
      {days.length === 0 ? (
        <Notice tone="info">
          No appointment times are free in the next two weeks. Please come back later; new times open every
          day.
        </Notice>
      ) : (
        <SlotForm
          credentialId={view.credentialId}
          timeZone={timeZone}
          days={days}
          selected={view.slotStartsAt?.toISOString() ?? null}
        />
      )}
    </ProofingShell>
  );
}
