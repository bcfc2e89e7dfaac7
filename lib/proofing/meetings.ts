import "server-only";
import { env, isTeamsConfigured } from "@/lib/core/env";
import { createTeamsMeetingProvider } from "./teams-meetings";

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

let provider: MeetingProvider | undefined;

/** Teams when its variables are set, else the portal's own meeting page. */
export function meetingProvider(): MeetingProvider {
  if (!provider) {
    const e = env();
    provider = isTeamsConfigured(e)
      ? createTeamsMeetingProvider({
          tenantId: e.TEAMS_TENANT_ID!,
          clientId: e.TEAMS_CLIENT_ID!,
          clientSecret: e.TEAMS_CLIENT_SECRET!,
          organizerId: e.TEAMS_ORGANIZER_ID!,
          loginBaseUrl: e.TEAMS_LOGIN_BASE_URL,
          graphBaseUrl: e.TEAMS_GRAPH_BASE_URL,
        })
      : portalMeetingProvider;
  }
  return provider;
}
