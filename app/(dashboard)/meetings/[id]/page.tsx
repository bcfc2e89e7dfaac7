import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { loadOwned } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { formatInZone } from "@/lib/proofing/video";
import { getMeeting } from "@/lib/proofing/video-service";

export const metadata: Metadata = { title: "Live video proofing session" };

/**
 * The local meeting provider's room: the page both the applicant and the agent open at the appointment time.
 * With Microsoft Teams configured, the emailed link opens Teams instead.
 */
export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireUser();
  const { id } = await params;
  const meeting = await loadOwned(session, "appointment", id, (id) => getMeeting(session.userId, id));
  return (
    <PageCard title="Live video proofing session">
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">When</dt>
        <dd>{formatInZone(meeting.startsAt, meeting.timeZone)}</dd>
        <dt className="font-medium">Applicant</dt>
        <dd>{meeting.applicant}</dd>
        <dt className="font-medium">Proofing agent</dt>
        <dd>{meeting.agent}</dd>
        <dt className="font-medium">Status</dt>
        <dd>{meeting.status.replace("_", " ").toLowerCase()}</dd>
      </dl>
      <p className="text-sm text-slate-700">
        {meeting.isAgent
          ? "Ask the applicant to show each document to the camera, answer the yes or no questions, then record the outcome on the appointment page."
          : "Have your identity documents at hand. The proofing agent will ask you to show each one to the camera and to answer a few yes or no questions. Only you may attend."}
      </p>
    </PageCard>
  );
}
