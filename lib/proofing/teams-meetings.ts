import "server-only";
import type { MeetingProvider } from "./meetings";

export type TeamsConfig = {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The Entra ID object id of the user who organises every meeting (an application access policy allows it). */
  organizerId: string;
  /** Overrides for tests (loopback fakes); default to Microsoft's endpoints. */
  loginBaseUrl?: string;
  graphBaseUrl?: string;
};

type Token = { value: string; expiresAt: number };

async function postJson(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok)
    throw new Error(`Microsoft Graph answered ${response.status} for ${new URL(url).pathname}`);
  return body;
}

/**
 * Microsoft Teams meetings through Microsoft Graph: an app-only token (client credentials), then
 * POST /users/{organizer}/onlineMeetings, whose `joinWebUrl` goes into the emails and the calendar invite.
 */
export function createTeamsMeetingProvider(config: TeamsConfig): MeetingProvider {
  const login = config.loginBaseUrl ?? "https://login.microsoftonline.com";
  const graph = config.graphBaseUrl ?? "https://graph.microsoft.com";
  let token: Token | null = null;

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 60_000) return token.value;
    const body = await postJson(`${login}/${config.tenantId}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: config.clientId,
        client_secret: config.clientSecret,
        scope: "https://graph.microsoft.com/.default",
        grant_type: "client_credentials",
      }),
    });
    if (typeof body.access_token !== "string")
      throw new Error("Microsoft identity platform gave no access token");
    token = { value: body.access_token, expiresAt: Date.now() + Number(body.expires_in ?? 3600) * 1000 };
    return token.value;
  }

  return {
    name: "teams",
    async createMeeting({ startsAt, endsAt, subject }) {
      const body = await postJson(`${graph}/v1.0/users/${config.organizerId}/onlineMeetings`, {
        method: "POST",
        headers: { authorization: `Bearer ${await accessToken()}`, "content-type": "application/json" },
        body: JSON.stringify({
          startDateTime: startsAt.toISOString(),
          endDateTime: endsAt.toISOString(),
          subject,
          lobbyBypassSettings: { scope: "organizer" },
        }),
      });
      if (typeof body.joinWebUrl !== "string") throw new Error("Microsoft Graph gave no joinWebUrl");
      return { joinUrl: body.joinWebUrl };
    },
  };
}
