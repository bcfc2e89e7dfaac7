import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db, resetDb } from "../setup/db";

// A loopback stand-in for api.twilio.com: records each request and answers with the status the test chose.
type Recorded = { method: string; path: string; authorization: string; form: URLSearchParams };

const SID = `AC${"0123456789abcdef".repeat(2)}`;
const TOKEN = "twilio-test-auth-token";
const FROM = "+12025550100";

let server: Server;
let requests: Recorded[] = [];
let reply: { status: number; body: object } = { status: 201, body: {} };
let messaging: typeof import("@/lib/messaging/service");
const TWILIO_VARS = [
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_FROM_NUMBER",
  "TWILIO_API_BASE_URL",
] as const;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        authorization: req.headers.authorization ?? "",
        form: new URLSearchParams(body),
      });
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  /* eslint-disable no-restricted-properties -- configure the provider before the fresh env module parses it */
  process.env.TWILIO_ACCOUNT_SID = SID;
  process.env.TWILIO_AUTH_TOKEN = TOKEN;
  process.env.TWILIO_FROM_NUMBER = FROM;
  process.env.TWILIO_API_BASE_URL = `http://127.0.0.1:${port}`;
  /* eslint-enable no-restricted-properties */
  // env() and the chosen sender are cached per module instance: load a fresh copy that sees the variables.
  vi.resetModules();
  messaging = await import("@/lib/messaging/service");
});

afterAll(async () => {
  for (const name of TWILIO_VARS) delete process.env[name]; // eslint-disable-line no-restricted-properties
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  await resetDb();
  requests = [];
  reply = { status: 201, body: { sid: "SM00000000000000000000000000000000", status: "queued" } };
});

const expectedAuth = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`;

describe("Twilio delivery", () => {
  it("sends a text with To, From and Body, authenticated as the account", async () => {
    await messaging.sendSms({ to: "+12025550143", body: "Your MAG code is 481592." });

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({
      method: "POST",
      path: `/2010-04-01/Accounts/${SID}/Messages.json`,
      authorization: expectedAuth,
    });
    expect(Object.fromEntries(request!.form)).toEqual({
      To: "+12025550143",
      From: FROM,
      Body: "Your MAG code is 481592.",
    });
  });

  it("places a call whose TwiML reads the message twice", async () => {
    reply = { status: 201, body: { sid: "CA00000000000000000000000000000000", status: "queued" } };
    await messaging.placeVoiceCall({ to: "+12025550143", say: "Your code is 4, 8, 1, 5, 9, 2." });

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({
      method: "POST",
      path: `/2010-04-01/Accounts/${SID}/Calls.json`,
      authorization: expectedAuth,
    });
    expect(request!.form.get("To")).toBe("+12025550143");
    expect(request!.form.get("From")).toBe(FROM);
    const twiml = request!.form.get("Twiml") ?? "";
    expect(twiml.match(/Your code is 4, 8, 1, 5, 9, 2\./g)).toHaveLength(2);
    expect(twiml).not.toMatch(/<Gather|<Redirect/);
  });

  it("does not use the local outbox once Twilio is configured", async () => {
    await messaging.sendSms({ to: "+12025550143", body: "hello" });
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it("reports a provider outage (503) as a retryable DeliveryError", async () => {
    reply = { status: 503, body: { code: 20503, message: "Service unavailable", status: 503 } };
    const error = await messaging.sendSms({ to: "+12025550143", body: "hello" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(messaging.DeliveryError);
    expect(error).toMatchObject({ retryable: true });
    expect(requests).toHaveLength(1);
  });

  it("reports a refused request (400) as a DeliveryError that is not worth retrying", async () => {
    reply = { status: 400, body: { code: 21211, message: "Invalid 'To' Phone Number", status: 400 } };
    const error = await messaging
      .placeVoiceCall({ to: "+12025550143", say: "hello" })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(messaging.DeliveryError);
    expect(error).toMatchObject({ retryable: false });
  });

  it("does not put the number or message in the error", async () => {
    reply = {
      status: 400,
      body: { code: 21211, message: "Invalid 'To' Phone Number: +12025550143", status: 400 },
    };
    const error = (await messaging
      .sendSms({ to: "+12025550143", body: "code 481592" })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).not.toMatch(/2025550143|481592/);
  });
});

describe("Twilio delivery reports", () => {
  it("ask Twilio to report each text's and call's delivery to the portal's public webhook", async () => {
    vi.stubEnv("APP_URL", "https://portal.example.com");
    vi.resetModules();
    const publicPortal = await import("@/lib/messaging/service");
    await publicPortal.sendSms({ to: "+12025550143", body: "Your MAG code is 481592." });
    await publicPortal.placeVoiceCall({ to: "+12025550143", say: "4, 8, 1, 5, 9, 2" });
    vi.unstubAllEnvs();

    const [text, call] = requests;
    expect(text!.form.get("StatusCallback")).toBe("https://portal.example.com/api/webhooks/twilio");
    expect(call!.form.get("StatusCallback")).toBe("https://portal.example.com/api/webhooks/twilio");
    expect(call!.form.get("StatusCallbackEvent")).toBe("completed");
  });

  it("are not asked for while the portal has no https address Twilio could call", async () => {
    await messaging.sendSms({ to: "+12025550143", body: "Your MAG code is 481592." });
    expect(requests[0]!.form.has("StatusCallback")).toBe(false);
  });
});
