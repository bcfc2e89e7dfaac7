import "server-only";
import { env } from "@/lib/core/env";

/**
 * Where the live video session happens (Microsoft Teams through Microsoft Graph in production). The local
 * implementation is a meeting page on the portal, /meetings/<appointment id>, that the applicant and the
 * agent both open while signed in.
 */
export interface MeetingProvider {
  readonly name: string;
  createMeeting(input: { appointmentId: string; startsAt: Date; endsAt: Date; subject: string }): Promise<{
    joinUrl: string;
  }>;
}

export const portalMeetingProvider: MeetingProvider = {
  name: "portal",
  createMeeting({ appointmentId }) {
    return Promise.resolve({ joinUrl: new URL(`/meetings/${appointmentId}`, env().APP_URL).toString() });
  },
};
