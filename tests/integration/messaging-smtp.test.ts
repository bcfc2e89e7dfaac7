import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db, resetDb } from "../setup/db";

// A loopback SMTP server without TLS or auth: nodemailer stays on plain SMTP when STARTTLS is not offered.
let server: SMTPServer;
let received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
let refuseRecipients = false;
let messaging: typeof import("@/lib/messaging/service");

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseRecipients)
        return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  /* eslint-disable no-restricted-properties -- configure the provider before the fresh env module parses it */
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "MAG Portal <no-reply@mag.test>";
  /* eslint-enable no-restricted-properties */
  vi.resetModules();
  messaging = await import("@/lib/messaging/service");
});

afterAll(async () => {
  /* eslint-disable no-restricted-properties */
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  /* eslint-enable no-restricted-properties */
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  await resetDb();
  received = [];
  refuseRecipients = false;
});

describe("SMTP delivery", () => {
  it("delivers the email with the right recipient, sender, subject and text", async () => {
    await messaging.sendEmail({
      to: "alice@example.test",
      subject: "Verify your email address",
      text: "Hello Alice,\n\nhttps://x/y",
    });

    expect(received).toHaveLength(1);
    const { envelopeTo, mail } = received[0]!;
    expect(envelopeTo).toEqual(["alice@example.test"]);
    expect(mail.to).toMatchObject({ text: "alice@example.test" });
    expect(mail.from).toMatchObject({ value: [{ address: "no-reply@mag.test", name: "MAG Portal" }] });
    expect(mail.subject).toBe("Verify your email address");
    expect(mail.text?.trim()).toBe("Hello Alice,\n\nhttps://x/y");
  });

  it("keeps a non-ASCII subject and body intact", async () => {
    await messaging.sendEmail({
      to: "zoe@example.test",
      subject: "Bonjour Zoë — 東京",
      text: "Grüße, Zoë 🚀",
    });
    expect(received[0]!.mail.subject).toBe("Bonjour Zoë — 東京");
    expect(received[0]!.mail.text?.trim()).toBe("Grüße, Zoë 🚀");
  });

  it("does not write email to the local outbox once SMTP is configured", async () => {
    await messaging.sendEmail({ to: "alice@example.test", subject: "s", text: "t" });
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it("turns a refusal by the mail server into a DeliveryError", async () => {
    refuseRecipients = true;
    const error = await messaging
      .sendEmail({ to: "alice@example.test", subject: "s", text: "t" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messaging.DeliveryError);
    expect(received).toHaveLength(0);
  });
});
