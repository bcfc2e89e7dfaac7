import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LOCAL_FAILING_NUMBER, LOCAL_UNDELIVERABLE_NUMBER } from "@/lib/messaging/outbox-sender";
import { phoneFingerprint } from "@/lib/otp/service";
import { confirmPhone, startPhoneRegistration } from "@/lib/phones/service";
import { signInWithPassword, sendSignInCode } from "@/lib/accounts/service";
import {
  createActivatedCredential,
  createActiveCredential,
  nextPhone,
  phoneForm,
  sessionOf,
} from "../factories/credential";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { useTestClock, type TestClock } from "../setup/clock";
import { challengeOf } from "../setup/sign-in";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { latestCode, settle } from "../setup/otp";
import { outboxFor } from "../setup/outbox";

let clock: TestClock;

beforeEach(async () => {
  await resetDb();
  clock = useTestClock();
});

afterEach(() => {
  vi.useRealTimers();
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A signed-in user with a fresh credential, about to register a first phone (no recent phone OTP needed). */
async function registrant() {
  const { user, credentialId } = await createActivatedCredential({ now: clock.now() });
  const session = await sessionOf(await createSignedInSession(user.id, clock.now()), clock.now());
  const start = (e164: string, ip = "203.0.113.10", country = "US", channel: "SMS" | "VOICE" = "SMS") =>
    startPhoneRegistration(session, phoneForm(credentialId, e164, channel, country), fromIp(ip), clock.now());
  return { user, credentialId, session, start };
}

function refusedSends(limit: string) {
  return db().auditEvent.count({
    where: { type: "OTP_SEND_REFUSED", detail: { path: ["limit"], equals: limit } },
  });
}

describe("send limits", () => {
  it("one code per phone per 30 s, whoever asks: the second is refused with the wait", async () => {
    const [alice, bob] = [await registrant(), await registrant()];
    const phone = nextPhone();
    await alice.start(phone);

    clock.advance(10 * SECOND);
    const again = await expectDomainError(alice.start(phone), "otp.send_limited");
    expect(again.details.retryAfterSeconds).toBe(20);
    await expectDomainError(bob.start(phone, "198.51.100.20"), "otp.send_limited");
    expect(await outboxFor(phone)).toHaveLength(1);

    clock.advance(20 * SECOND);
    await expect(alice.start(phone)).resolves.toHaveProperty("expiresAt");
    expect(await outboxFor(phone)).toHaveLength(2);
  });

  it("at most 5 codes per phone per 10 minutes, across accounts", async () => {
    const [alice, bob] = [await registrant(), await registrant()];
    const phone = nextPhone();
    for (let i = 0; i < 5; i += 1) {
      await (i % 2 === 0 ? alice : bob).start(phone);
      clock.advance(31 * SECOND);
    }
    const sixth = await expectDomainError(bob.start(phone), "otp.send_limited");
    expect(sixth.details.retryAfterSeconds).toBe(10 * 60 - 5 * 31);
    expect(await refusedSends("otp.send.phone")).toBe(1);
    expect(await outboxFor(phone)).toHaveLength(5);

    // The refusal did not cost bob one of his own sends: another number still works for him.
    await expect(bob.start(nextPhone())).resolves.toHaveProperty("expiresAt");
    clock.advance(10 * MINUTE - 5 * 31 * SECOND);
    await expect(bob.start(phone)).resolves.toHaveProperty("expiresAt");
  });

  it("calls and texts share the limits: three accounts alternating text and voice get 5 codes to one number", async () => {
    const people = [await registrant(), await registrant(), await registrant()];
    const phone = nextPhone();
    await people[0]!.start(phone, "203.0.113.10", "US", "SMS");
    clock.advance(10 * SECOND);
    // A call right after a text is still inside the number's 30 s gap.
    await expectDomainError(people[1]!.start(phone, "198.51.100.21", "US", "VOICE"), "otp.send_limited");
    for (let i = 1; i < 5; i += 1) {
      clock.advance(31 * SECOND);
      await people[i % 3]!.start(phone, `198.51.100.${30 + i}`, "US", i % 2 ? "VOICE" : "SMS");
    }
    clock.advance(31 * SECOND);
    await expectDomainError(people[2]!.start(phone, "198.51.100.40", "US", "VOICE"), "otp.send_limited");
    const sent = await outboxFor(phone);
    expect(sent).toHaveLength(5);
    expect(new Set(sent.map((m) => m.channel))).toEqual(new Set(["sms", "voice"]));
  });

  it("a stranger registering someone's number cannot spend the sends that person needs to sign in", async () => {
    const victim = await createActiveCredential({ now: clock.now() });
    const phone = victim.phones[0]!;
    const stranger = await registrant();
    for (let i = 0; i < 5; i += 1) {
      await stranger.start(phone.e164, "198.51.100.66");
      clock.advance(31 * SECOND);
    }
    await expectDomainError(stranger.start(phone.e164, "198.51.100.66"), "otp.send_limited");

    const pending = challengeOf(
      await signInWithPassword(
        { login: victim.user.email, password: victim.user.password },
        fromIp(),
        clock.now(),
      ),
    );
    await expect(
      sendSignInCode(pending, { phoneId: phone.id, channel: "SMS" }, fromIp(), clock.now()),
    ).resolves.toBeDefined();
    expect((await outboxFor(phone.e164)).length).toBeGreaterThan(5);
  });

  it("at most 10 codes per account per hour, and the refused 11th does not spend the number's gap", async () => {
    const alice = await registrant();
    const phones = Array.from({ length: 11 }, () => nextPhone());
    for (const phone of phones.slice(0, 10)) await alice.start(phone);

    const eleventh = await expectDomainError(alice.start(phones[10]!), "otp.send_limited");
    expect(eleventh.details.retryAfterSeconds).toBe(60 * 60);
    expect(await refusedSends("otp.send.account")).toBe(1);
    expect(await outboxFor(phones[10]!)).toHaveLength(0);

    const bob = await registrant();
    await expect(bob.start(phones[10]!)).resolves.toHaveProperty("expiresAt");
    clock.advance(60 * MINUTE);
    await expect(alice.start(nextPhone())).resolves.toHaveProperty("expiresAt");
  });

  it("SMS pumping: one IP asking codes for 200 numbers gets at most 25 texts, none to a refused number", async () => {
    // Driven through startPhoneRegistration, as the registration page does, so checkPhone is the real gate:
    // 8 accounts (each below its own 10/hour) fire 200 requests at once from one address.
    const attackers: Awaited<ReturnType<typeof registrant>>[] = [];
    for (let i = 0; i < 8; i += 1) attackers.push(await registrant());
    const series = (count: number, country: string, number: (i: number) => string, problem: string) =>
      Array.from({ length: count }, (_, i) => ({ country, number: number(i), expected: problem }));
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    const refused = [
      ...series(40, "US", (i) => `+1900234${pad(i, 4)}`, "phones.number_type_refused"), // premium rate
      ...series(30, "US", (i) => `+1800234${pad(i, 4)}`, "phones.number_type_refused"), // toll-free
      ...series(30, "GB", (i) => `056${pad(1000000 + i, 8)}`, "phones.number_type_refused"), // VoIP
      ...series(10, "BR", (i) => `+55119123456${pad(i, 2)}`, "phones.country_not_served"),
      ...series(10, "NG", (i) => `+2348031234${pad(i, 3)}`, "phones.country_not_served"),
      ...series(10, "RU", (i) => `+79123456${pad(i, 3)}`, "phones.country_not_served"),
    ];
    const valid = Array.from({ length: 70 }, () => nextPhone());
    const requests = [
      ...refused,
      ...valid.map((number) => ({ country: "US", number, expected: "sent or otp.send_limited" })),
    ];
    expect(requests).toHaveLength(200);

    const results = await Promise.allSettled(
      requests.map((r, i) => attackers[i % attackers.length]!.start(r.number, "198.51.100.7", r.country)),
    );
    const { wins, refusals } = settle(results);
    expect(refusals.filter((code) => code.startsWith("unexpected"))).toEqual([]);
    results.forEach((result, i) => {
      const { expected, number } = requests[i]!;
      if (expected.startsWith("phones.")) {
        expect(result.status === "rejected" && (result.reason as { code: string }).code, number).toBe(
          expected,
        );
      }
    });
    // Exactly the per-IP allowance: the gate refuses the rest, and still lets real numbers through.
    expect(wins).toHaveLength(25);
    expect(refusals.filter((code) => code === "otp.send_limited")).toHaveLength(valid.length - wins.length);

    const texts = await db().outboxMessage.findMany({
      where: { channel: { in: ["SMS", "VOICE"] } },
      select: { to: true },
    });
    expect(texts.length).toBe(wins.length);
    expect(texts.length).toBeLessThanOrEqual(25);
    for (const { to } of texts) expect(valid).toContain(to);
  });
});

describe("delivery failures", () => {
  it("a provider outage gives otp.delivery_failed, leaves no usable code and costs no send", async () => {
    const alice = await registrant();
    let ninth = "";
    for (let i = 0; i < 9; i += 1) await alice.start((ninth = nextPhone()));

    await expectDomainError(alice.start(LOCAL_FAILING_NUMBER), "otp.delivery_failed");
    expect(await outboxFor(LOCAL_FAILING_NUMBER)).toHaveLength(0);
    // Nothing was stored for the failing number: the live code is still the one the ninth phone received.
    const code = await db().oneTimeCode.findUniqueOrThrow({
      where: { userId_purpose: { userId: alice.user.id, purpose: "PHONE_CONFIRM" } },
    });
    expect(code.consumedAt).toBeNull();
    expect(code.targetFingerprint).toBe(phoneFingerprint(ninth));

    // Trying again at once is another outage, not "wait 30 s": the failed send gave its points back.
    await expectDomainError(alice.start(LOCAL_FAILING_NUMBER), "otp.delivery_failed");
    // The account has spent 9 of its 10 sends: the failures did not count.
    const tenth = nextPhone();
    await alice.start(tenth);
    await expectDomainError(alice.start(nextPhone()), "otp.send_limited");
    await expect(
      confirmPhone(
        alice.session,
        { credentialId: alice.credentialId, code: await latestCode(tenth) },
        fromIp(),
        clock.now(),
      ),
    ).resolves.toMatchObject({ isFirst: true });
    expect(await db().auditEvent.count({ where: { type: "OTP_SENT", subjectUserId: alice.user.id } })).toBe(
      10,
    );
  });

  it("a number the provider cannot reach gives otp.undeliverable", async () => {
    const alice = await registrant();
    await expectDomainError(alice.start(LOCAL_UNDELIVERABLE_NUMBER), "otp.undeliverable");
    await expectDomainError(
      startPhoneRegistration(
        alice.session,
        phoneForm(alice.credentialId, LOCAL_UNDELIVERABLE_NUMBER, "VOICE"),
        fromIp(),
        clock.now(),
      ),
      "otp.undeliverable",
    );
    expect(await outboxFor(LOCAL_UNDELIVERABLE_NUMBER)).toHaveLength(0);
    // No code was ever stored, so there is nothing to confirm.
    await expectDomainError(
      confirmPhone(
        alice.session,
        { credentialId: alice.credentialId, code: "123456" },
        fromIp(),
        clock.now(),
      ),
      "otp.no_code",
    );
  });
});
