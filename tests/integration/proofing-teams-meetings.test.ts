import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTeamsMeetingProvider } from "@/lib/proofing/teams-meetings";

// A loopback stand-in for the Microsoft identity platform and Graph: records what the provider sends.
type Seen = { path: string; auth: string | undefined; body: string };
let server: Server;
let base: string;
let seen: Seen[];
let meetingStatus: number;

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => resolve(body));
  });

beforeEach(async () => {
  seen = [];
  meetingStatus = 201;
  server = createServer((req, res) => {
    void read(req).then((body) => {
      seen.push({ path: req.url ?? "", auth: req.headers.authorization, body });
      res.setHeader("content-type", "application/json");
      if (req.url === "/tenant-1/oauth2/v2.0/token") {
        res.end(JSON.stringify({ access_token: "token-abc", expires_in: 3599, token_type: "Bearer" }));
        return;
      }
      if (req.url === "/v1.0/users/organizer-1/onlineMeetings") {
        res.statusCode = meetingStatus;
        res.end(
          meetingStatus === 201
            ? JSON.stringify({ joinWebUrl: "https://teams.example.test/l/meetup-join/xyz" })
            : "{}",
        );
        return;
      }
      res.statusCode = 404;
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const provider = () =>
  createTeamsMeetingProvider({
    tenantId: "tenant-1",
    clientId: "client-1",
    clientSecret: "secret-1",
    organizerId: "organizer-1",
    loginBaseUrl: base,
    graphBaseUrl: base,
  });

const meeting = {
  appointmentId: "00000000-0000-4000-8000-000000000001",
  startsAt: new Date("2026-12-02T15:00:00Z"),
  endsAt: new Date("2026-12-02T15:30:00Z"),
  subject: "MAG live video identity proofing",
};

describe("Microsoft Teams meetings through Graph", () => {
  it("gets an app-only token once, then creates online meetings with it", async () => {
    const teams = provider();
    expect(await teams.createMeeting(meeting)).toEqual({
      joinUrl: "https://teams.example.test/l/meetup-join/xyz",
    });
    await teams.createMeeting(meeting);
    expect(seen.map((s) => s.path)).toEqual([
      "/tenant-1/oauth2/v2.0/token",
      "/v1.0/users/organizer-1/onlineMeetings",
      "/v1.0/users/organizer-1/onlineMeetings",
    ]);
    const token = new URLSearchParams(seen[0]!.body);
    expect(Object.fromEntries(token)).toMatchObject({
      grant_type: "client_credentials",
      client_id: "client-1",
      client_secret: "secret-1",
      scope: "https://graph.microsoft.com/.default",
    });
    expect(seen[1]!.auth).toBe("Bearer token-abc");
    expect(JSON.parse(seen[1]!.body)).toMatchObject({
      startDateTime: "2026-12-02T15:00:00.000Z",
      endDateTime: "2026-12-02T15:30:00.000Z",
      subject: "MAG live video identity proofing",
    });
  });

  it("fails loudly when Graph refuses, so no appointment is booked without a meeting", async () => {
    meetingStatus = 503;
    await expect(provider().createMeeting(meeting)).rejects.toThrow("Microsoft Graph answered 503");
  });
});
