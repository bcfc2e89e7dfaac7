import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "../factories/user";
import { fromIp } from "../factories/request";
import { db, resetDb } from "../setup/db";
import { codeIn } from "../setup/otp";

// sendCode with Twilio configured, against a loopback stand-in for api.twilio.com that records each request
// and answers as the test chooses: 201, 503, or never; and for lookups.twilio.com (Lookup v2), which answers
// with the line the test chose.
type Recorded = { path: string; form: URLSearchParams };

const SID = `AC${"0123456789abcdef".repeat(2)}`;
const FROM = "+12025550100";
const TO = "+12025550143";
const TWILIO_VARS = [
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_FROM_NUMBER",
  "TWILIO_API_BASE_URL",
] as const;

let server: Server;
let requests: Recorded[] = [];
let reply: "created" | "unavailable" | "silent" = "created";
let lookups: string[] = [];
let line: "mobile" | "voip" | "swapped" | "down" | "slow" = "mobile";

/** Lookup v2's answer for the line the test chose (fields line_type_intelligence and sim_swap). */
function lookupAnswer(res: import("node:http").ServerResponse) {
  if (line === "slow") return void setTimeout(() => res.writeHead(200).end("{}"), 2_500);
  if (line === "down") return void res.writeHead(503, { "content-type": "application/json" }).end("{}");
  const swapped = new Date(Date.now() - 5 * 60 * 60_000).toISOString();
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      phone_number: TO,
      line_type_intelligence: { type: line === "voip" ? "nonFixedVoip" : "mobile", error_code: null },
      sim_swap: {
        last_sim_swap: line === "swapped" ? { last_sim_swap_date: swapped, swapped_in_period: true } : null,
        error_code: null,
      },
    }),
  );
}
let sids = 0;
/** Twilio's SIDs: SM… for a message, CA… for a call, 34 characters, unique per request. */
function nextSid(path: string) {
  return `${path.endsWith("/Calls.json") ? "CA" : "SM"}${String(++sids).padStart(32, "0")}`;
}

let otp: typeof import("@/lib/otp/service");
let deliveries: typeof import("@/lib/otp/deliveries");
let status: typeof import("@/lib/messaging/twilio-status");
let appUrl: string;
let errors: typeof import("../setup/errors");

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      if (req.url?.startsWith("/v2/PhoneNumbers/")) {
        lookups.push(req.url);
        return lookupAnswer(res);
      }
      requests.push({ path: req.url ?? "", form: new URLSearchParams(body) });
      if (reply === "silent") return; // holds the connection open until the client gives up
      const status = reply === "created" ? 201 : 503;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          status === 201 ? { sid: nextSid(req.url ?? ""), status: "queued" } : { code: 20503, status },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  /* eslint-disable no-restricted-properties -- configure the provider before the fresh env module parses it */
  process.env.TWILIO_ACCOUNT_SID = SID;
  process.env.TWILIO_AUTH_TOKEN = "twilio-test-auth-token";
  process.env.TWILIO_FROM_NUMBER = FROM;
  process.env.TWILIO_API_BASE_URL = `http://127.0.0.1:${port}`;
  /* eslint-enable no-restricted-properties */
  // env() and the chosen sender are cached per module copy; DomainError belongs to the copy, so the
  // expectDomainError helper is loaded with it.
  vi.resetModules();
  otp = await import("@/lib/otp/service");
  deliveries = await import("@/lib/otp/deliveries");
  status = await import("@/lib/messaging/twilio-status");
  appUrl = (await import("@/lib/core/env")).env().APP_URL;
  errors = await import("../setup/errors");
});

afterAll(async () => {
  for (const name of TWILIO_VARS) delete process.env[name]; // eslint-disable-line no-restricted-properties
  vi.resetModules();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  await resetDb();
  requests = [];
  reply = "created";
  lookups = [];
  line = "mobile";
});

async function send(
  userId: string,
  channel: "SMS" | "VOICE",
  purpose: "SIGN_IN" | "PHONE_CONFIRM" = "SIGN_IN",
) {
  return otp.sendCode({
    userId,
    purpose,
    channel,
    e164: TO,
    phoneId: null,
    binding: "pending-sign-in",
    request: fromIp(),
  });
}

function verify(userId: string, code: string) {
  return otp.verifyCode({ userId, purpose: "SIGN_IN", code, binding: "pending-sign-in", request: fromIp() });
}

describe("codes through Twilio", () => {
  it("a text posts To and a Body with the code, which then verifies", async () => {
    const user = await createUser();
    await send(user.id, "SMS");

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(request!.form.get("To")).toBe(TO);
    expect(request!.form.get("From")).toBe(FROM);
    const body = request!.form.get("Body") ?? "";
    expect(body).toMatch(/^Your MAG verification code is \d{6}\./);
    await expect(verify(user.id, codeIn(body))).resolves.toEqual({ e164: TO, phoneId: null, channel: "SMS" });
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it("a call posts TwiML that says the digits one by one, twice", async () => {
    const user = await createUser();
    await send(user.id, "VOICE");

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.path).toBe(`/2010-04-01/Accounts/${SID}/Calls.json`);
    expect(request!.form.get("To")).toBe(TO);
    const twiml = request!.form.get("Twiml") ?? "";
    const said = twiml.match(/Your M A G verification code is: (\d, ){5}\d\./g);
    expect(said).toHaveLength(2);
    expect(said![0]).toBe(said![1]);
    await expect(verify(user.id, codeIn(said![0]))).resolves.toMatchObject({ e164: TO });
  });

  it("a provider outage (503) gives otp.delivery_failed, and the code it carried is never stored", async () => {
    const user = await createUser();
    reply = "unavailable";
    await errors.expectDomainError(send(user.id, "SMS"), "otp.delivery_failed");

    expect(requests).toHaveLength(1);
    const undelivered = codeIn(requests[0]!.form.get("Body") ?? "");
    await errors.expectDomainError(verify(user.id, undelivered), "otp.no_code");
    expect(await db().auditEvent.count({ where: { type: "OTP_SENT" } })).toBe(0);

    // Not counted against the 30 s gap: the user can ask again at once.
    reply = "created";
    await expect(send(user.id, "SMS")).resolves.toHaveProperty("expiresAt");
  });

  it("a provider that never answers gives otp.delivery_failed after the 10 s client timeout", async () => {
    const user = await createUser();
    reply = "silent";
    const startedAt = performance.now();
    await errors.expectDomainError(send(user.id, "VOICE"), "otp.delivery_failed");
    const waited = performance.now() - startedAt;

    expect(waited).toBeGreaterThanOrEqual(9_500);
    // Reliability case F3: a clear, retryable error within 12 s.
    expect(waited).toBeLessThanOrEqual(12_000);
    // The code was never stored: nothing can be signed in with it.
    const row = await db().oneTimeCode.findUnique({
      where: { userId_purpose: { userId: user.id, purpose: "SIGN_IN" } },
    });
    expect(row).toBeNull();
  }, 20_000);
});

/** Twilio's status callback for `sid`, signed as Twilio signs it. */
function report(params: Record<string, string>) {
  const url = new URL("/api/webhooks/twilio", appUrl).toString();
  const signature = twilio.getExpectedTwilioSignature("twilio-test-auth-token", url, params);
  return status.handleTwilioStatus(new URLSearchParams(params).toString(), signature);
}

describe("delivery reports, shown to support next to each code", () => {
  it("each code shows its latest report; a late 'sent' never replaces 'delivered'", async () => {
    const user = await createUser();
    await send(user.id, "SMS");
    const sent = await db().auditEvent.findFirstOrThrow({ where: { type: "OTP_SENT" } });
    const messageSid = (sent.detail as { sid: string }).sid;
    expect(messageSid).toMatch(/^SM\d{32}$/);

    expect((await deliveries.codeDeliveriesForUser(user.id))[0]).toMatchObject({
      channel: "Text",
      purpose: "sign-in",
      status: "sent, no delivery report yet",
    });
    await expect(report({ MessageSid: messageSid, MessageStatus: "delivered" })).resolves.toBe("accepted");
    await report({ MessageSid: messageSid, MessageStatus: "sent" });
    expect((await deliveries.codeDeliveriesForUser(user.id))[0]!.status).toBe("delivered");
  });

  it("a failed text or call shows what its error code means; a forged report changes nothing", async () => {
    const user = await createUser();
    await send(user.id, "VOICE");
    const callSid = `CA${String(sids).padStart(32, "0")}`;
    const forged = new URLSearchParams({ CallSid: callSid, CallStatus: "completed" }).toString();
    await expect(status.handleTwilioStatus(forged, "not-a-signature")).resolves.toBe("forbidden");
    await report({ CallSid: callSid, CallStatus: "failed", ErrorCode: "30005" });

    const [call] = await deliveries.codeDeliveriesForUser(user.id);
    expect(call).toMatchObject({
      channel: "Voice",
      status: "failed: unknown or inactive number (error 30005)",
    });
    expect(JSON.stringify(await db().messageDelivery.findMany())).not.toContain("2025550143");
  });
});

describe("the carrier lookup before each code (Twilio Lookup v2)", () => {
  it("asks once a day per number for the line type and SIM swap, and sends to a mobile line", async () => {
    const user = await createUser();
    await send(user.id, "SMS");
    expect(lookups).toEqual([`/v2/PhoneNumbers/${TO}?Fields=line_type_intelligence%2Csim_swap`]);
    await db().rateLimit.deleteMany(); // past the number's 30 s gap between codes
    await send(user.id, "VOICE");
    expect(lookups).toHaveLength(1);
    expect(requests).toHaveLength(2);
    // The cache holds the number's fingerprint, never the number.
    const cached = await db().phoneLineCheck.findMany();
    expect(cached).toHaveLength(1);
    expect(JSON.stringify(cached)).not.toContain("2025550143");
  });

  it("refuses to register an internet (VoIP) line, naming it, and sends nothing", async () => {
    line = "voip";
    const user = await createUser();
    const refused = await errors.expectDomainError(send(user.id, "SMS", "PHONE_CONFIRM"), "phones.line_voip");
    expect(refused.details.fieldErrors?.phone).toMatch(/internet \(VoIP\) number/);
    expect(requests).toHaveLength(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "PHONE_LINE_REFUSED" } });
    expect(audit.detail).toMatchObject({ lineType: "nonFixedVoip", reason: "phones.line_voip" });
  });

  it("sends no code to a phone whose SIM was swapped in the last 72 hours", async () => {
    line = "swapped";
    const user = await createUser();
    await errors.expectDomainError(send(user.id, "SMS"), "otp.sim_swap_recent");
    await errors.expectDomainError(send(user.id, "VOICE"), "otp.sim_swap_recent");
    expect(requests).toHaveLength(0);
    // A refusal keeps the lookup too: the second try asked nobody.
    expect(lookups).toHaveLength(1);
    expect(await db().phoneLineCheck.count()).toBe(1);
  });

  it("a send that a limit refuses keeps no code, no text and no lookup", async () => {
    const user = await createUser();
    await send(user.id, "SMS");
    await db().phoneLineCheck.deleteMany();
    await errors.expectDomainError(send(user.id, "SMS"), "otp.send_limited");
    expect(requests).toHaveLength(1);
    expect(await db().phoneLineCheck.count()).toBe(0);
  });

  it("a lookup that fails or takes over 2 s never blocks the code: it is sent and the failure audited", async () => {
    const user = await createUser();
    line = "down";
    await send(user.id, "SMS");
    await db().phoneLineCheck.deleteMany();
    line = "slow";
    await db().rateLimit.deleteMany();
    await send(user.id, "SMS");
    expect(requests).toHaveLength(2);
    expect(await db().auditEvent.count({ where: { type: "PHONE_LOOKUP_FAILED" } })).toBe(2);
  });
});
