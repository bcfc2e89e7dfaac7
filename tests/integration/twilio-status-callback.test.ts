import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/* eslint-disable no-restricted-properties -- the provider is chosen by configuration */
const AUTH_TOKEN = "twilio-test-auth-token-0123456789";
const URL_ = "http://127.0.0.1:3100/api/webhooks/twilio";

let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM_NUMBER: "+12025550100",
  });
  vi.resetModules();
  ({ POST } = await import("@/app/api/webhooks/twilio/route"));
});

afterAll(() => {
  for (const name of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER"])
    delete process.env[name];
  vi.resetModules();
});

function callback(params: Record<string, string>, signature: string | null) {
  return new Request(URL_, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(signature ? { "x-twilio-signature": signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}

describe("Twilio status callbacks", () => {
  const params = { MessageSid: "SM123", MessageStatus: "undelivered", ErrorCode: "30003" };

  it("accepts a callback signed with the account's auth token", async () => {
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, URL_, params);
    expect((await POST(callback(params, signature))).status).toBe(204);
  });

  it("refuses a missing, forged or altered signature", async () => {
    const forged = twilio.getExpectedTwilioSignature("another-token", URL_, params);
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, URL_, params);
    expect((await POST(callback(params, null))).status).toBe(403);
    expect((await POST(callback(params, forged))).status).toBe(403);
    expect((await POST(callback({ ...params, MessageStatus: "delivered" }, signature))).status).toBe(403);
  });
});
