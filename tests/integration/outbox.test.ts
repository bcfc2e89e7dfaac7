import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readOutbox, sendEmail, sendSms, placeVoiceCall } from "@/lib/messaging/service";
import { resetDb } from "../setup/db";

beforeEach(resetDb);

describe("readOutbox", () => {
  it("lists every channel newest first", async () => {
    await sendEmail({ to: "alice@example.test", subject: "first", text: "one" });
    await sendSms({ to: "+12025550143", body: "second" });
    await placeVoiceCall({ to: "+12025550143", say: "third" });

    const entries = await readOutbox({});
    expect(entries?.map((e) => [e.channel, e.body])).toEqual([
      ["voice", "third"],
      ["sms", "second"],
      ["email", "one"],
    ]);
    expect(entries?.[2]).toMatchObject({ to: "alice@example.test", subject: "first" });
  });

  it("filters by recipient", async () => {
    await sendEmail({ to: "alice@example.test", subject: "for alice", text: "a" });
    await sendEmail({ to: "bob@example.test", subject: "for bob", text: "b" });
    await sendSms({ to: "+12025550143", body: "for a phone" });

    expect((await readOutbox({ to: "bob@example.test" }))?.map((e) => e.subject)).toEqual(["for bob"]);
    expect((await readOutbox({ to: "+12025550143" }))?.map((e) => e.body)).toEqual(["for a phone"]);
    expect(await readOutbox({ to: "carol@example.test" })).toEqual([]);
  });

  it("returns at most `take` entries and never more than 200", async () => {
    for (let i = 0; i < 3; i++) await sendSms({ to: "+12025550143", body: `code ${i}` });
    expect((await readOutbox({ take: 2 }))?.map((e) => e.body)).toEqual(["code 2", "code 1"]);
  });
});

describe("readOutbox with real providers for every channel", () => {
  afterEach(() => {
    /* eslint-disable no-restricted-properties */
    delete process.env.SMTP_URL;
    delete process.env.TWILIO_ACCOUNT_SID;
    delete process.env.TWILIO_AUTH_TOKEN;
    delete process.env.TWILIO_FROM_NUMBER;
    /* eslint-enable no-restricted-properties */
  });

  it("returns null, so nobody can read messages through the dev outbox", async () => {
    /* eslint-disable no-restricted-properties -- a fresh env module must see both providers */
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    process.env.TWILIO_ACCOUNT_SID = `AC${"0".repeat(32)}`;
    process.env.TWILIO_AUTH_TOKEN = "token";
    process.env.TWILIO_FROM_NUMBER = "+12025550100";
    /* eslint-enable no-restricted-properties */
    vi.resetModules();
    const fresh = await import("@/lib/messaging/service");

    expect(fresh.isOutboxActive()).toBe(false);
    expect(await fresh.readOutbox({})).toBeNull();
  });

  it("stays unreadable while one channel is real: the other channel's codes and links are not public", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // eslint-disable-line no-restricted-properties
    vi.resetModules();
    const fresh = await import("@/lib/messaging/service");
    await fresh.sendSms({ to: "+12025550143", body: "Your code is 123456" });
    expect(fresh.isOutboxActive()).toBe(true);
    expect(await fresh.readOutbox({})).toBeNull();
  });
});
