import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decrypt, encrypt } from "@/lib/core/crypto";
import { errorMessage } from "@/lib/errors/catalog";
import { phoneFingerprint } from "@/lib/otp/service";
import {
  confirmPhone,
  confirmStepUp,
  getPhoneSetup,
  removePhone,
  sendStepUpCode,
  setDefaultPhone,
  startPhoneRegistration,
} from "@/lib/phones/service";
import { claimSessionTicket, resolveSession } from "@/lib/sessions/service";
import {
  activateAnotherCredential,
  createActivatedCredential,
  createActiveCredential,
  nextPhone,
  phoneForm,
  sessionOf,
} from "../factories/credential";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { useTestClock, type TestClock } from "../setup/clock";
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

const MINUTE = 60_000;

/** A signed-in user with a fresh credential and no phone yet. */
async function registrant() {
  const { user, credentialId } = await createActivatedCredential({ now: clock.now() });
  const sessionId = await createSignedInSession(user.id, clock.now());
  return { user, credentialId, sessionId, session: await sessionOf(sessionId, clock.now()) };
}

function phoneMessages() {
  return db().outboxMessage.count({ where: { channel: { in: ["SMS", "VOICE"] } } });
}

describe("checking the number", () => {
  it.each([
    ["a number of another country", "US", "+44 20 7946 0000", "SMS", "phones.invalid_number", "phone"],
    ["too few digits", "US", "555 0143", "SMS", "phones.invalid_number", "phone"],
    ["a country we do not serve", "BR", "+55 11 91234 5678", "SMS", "phones.country_not_served", "country"],
    ["a premium-rate number", "US", "+1 900 234 5678", "SMS", "phones.number_type_refused", "phone"],
    ["a toll-free number", "US", "(800) 234-5678", "SMS", "phones.number_type_refused", "phone"],
    ["a shared-cost number", "FR", "08 10 12 34 56", "SMS", "phones.number_type_refused", "phone"],
    ["a VoIP number", "GB", "056 1234 5678", "VOICE", "phones.number_type_refused", "phone"],
    [
      "a voice call where we only text",
      "DE",
      "+49 151 23456789",
      "VOICE",
      "phones.voice_not_available",
      "channel",
    ],
    ["a text to a landline", "GB", "020 7946 0000", "SMS", "phones.sms_to_landline", "channel"],
    // The carrier lookup's verdicts (the local provider's magic numbers, as Twilio Lookup would answer).
    ["a line the carrier calls internet (VoIP)", "US", "(202) 555-0197", "SMS", "phones.line_voip", "phone"],
    [
      "a text to a line the carrier calls a landline",
      "US",
      "(303) 555-0197",
      "SMS",
      "phones.sms_to_landline",
      "channel",
    ],
    [
      "a phone whose SIM was swapped an hour ago",
      "US",
      "(312) 555-0197",
      "VOICE",
      "otp.sim_swap_recent",
      "phone",
    ],
  ] as const)(
    "refuses %s with the reason next to the field, and sends nothing",
    async (_, country, phone, channel, code, field) => {
      const r = await registrant();
      const error = await expectDomainError(
        startPhoneRegistration(
          r.session,
          { credentialId: r.credentialId, country, phone, phoneConfirm: phone, channel },
          fromIp(),
          clock.now(),
        ),
        code,
      );
      expect(error.details.fieldErrors).toEqual({ [field]: errorMessage(code) });
      expect(await phoneMessages()).toBe(0);
      expect(await db().oneTimeCode.count()).toBe(0);
      // A refused number costs none of the send limits.
      const limits = await db().$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM rate_limits WHERE key LIKE 'otp.send.%'`;
      expect(Number(limits[0]!.n)).toBe(0);
    },
  );

  it("calls a line the carrier calls a landline: voice is fine where texts are refused", async () => {
    const r = await registrant();
    await startPhoneRegistration(
      r.session,
      phoneForm(r.credentialId, "+13035550197", "VOICE"),
      fromIp(),
      clock.now(),
    );
    expect(await outboxFor("+13035550197")).toHaveLength(1);
  });

  it("a code sent to one number does not confirm another: phone A's code after B's send adds nothing", async () => {
    const r = await registrant();
    const start = (phone: string) =>
      startPhoneRegistration(
        r.session,
        { credentialId: r.credentialId, country: "US", phone, phoneConfirm: phone, channel: "SMS" },
        fromIp(),
        clock.now(),
      );
    await start("2025550143");
    const codeForA = await latestCode("+12025550143");
    clock.advance(MINUTE);
    await start("2025550144");
    const codeForB = await latestCode("+12025550144");
    expect(codeForB).not.toBe(codeForA);

    await expectDomainError(
      confirmPhone(r.session, { credentialId: r.credentialId, code: codeForA }, fromIp(), clock.now()),
      "otp.incorrect",
    );
    expect(await db().phoneNumber.count({ where: { credentialId: r.credentialId } })).toBe(0);
  });

  it("accepts a number typed with punctuation and keeps it as E.164, sealed", async () => {
    const r = await registrant();
    const started = await startPhoneRegistration(
      r.session,
      {
        credentialId: r.credentialId,
        country: "US",
        phone: "(202) 555-0143",
        phoneConfirm: "202.555.0143",
        channel: "SMS",
      },
      fromIp(),
      clock.now(),
    );
    expect(started).toEqual({
      label: "US ••• ••• ••43",
      expiresAt: new Date(clock.now().getTime() + 5 * MINUTE),
    });

    const code = await latestCode("+12025550143");
    await confirmPhone(r.session, { credentialId: r.credentialId, code }, fromIp(), clock.now());
    const row = await db().phoneNumber.findFirstOrThrow({ where: { credentialId: r.credentialId } });
    expect(row).toMatchObject({ country: "US", lastDigits: "43", isDefault: true, verifiedAt: clock.now() });
    expect(decrypt(row.e164Encrypted)).toBe("+12025550143");
    for (const column of [row.e164Encrypted, row.e164Fingerprint]) {
      expect(column).not.toContain("2025550143");
      expect(column).not.toContain("555");
    }
    expect(row.e164Fingerprint).toBe(phoneFingerprint("+12025550143"));
  });

  it("refuses a number the credential already has, without sending", async () => {
    const u = await createActiveCredential({ phones: 1, now: clock.now() });
    const before = await outboxFor(u.phones[0]!.e164);
    await expectDomainError(
      startPhoneRegistration(u.session, phoneForm(u.credentialId, u.phones[0]!.e164), fromIp(), clock.now()),
      "phones.already_registered",
    );
    expect(await outboxFor(u.phones[0]!.e164)).toHaveLength(before.length);
  });

  it("refuses another user's credential", async () => {
    const owner = await registrant();
    const other = await registrant();
    await expectDomainError(
      startPhoneRegistration(
        other.session,
        phoneForm(owner.credentialId, nextPhone()),
        fromIp(),
        clock.now(),
      ),
      "phones.credential_not_found",
    );
    expect(await phoneMessages()).toBe(0);
  });
});

describe("confirming a phone", () => {
  it("the first confirmed phone activates the credential; it proves that phone only, not the session's OTP", async () => {
    const r = await registrant();
    expect(await db().credential.findUniqueOrThrow({ where: { id: r.credentialId } })).toMatchObject({
      status: "PHONE_REGISTRATION_REQUIRED",
    });
    expect(r.session).toMatchObject({ authLevel: "PASSWORD", otpAt: null });
    const phone = nextPhone();
    await startPhoneRegistration(r.session, phoneForm(r.credentialId, phone, "VOICE"), fromIp(), clock.now());

    clock.advance(MINUTE);
    const result = await confirmPhone(
      r.session,
      { credentialId: r.credentialId, code: await latestCode(phone) },
      fromIp(),
      clock.now(),
    );
    expect(result.isFirst).toBe(true);
    expect(await db().credential.findUniqueOrThrow({ where: { id: r.credentialId } })).toMatchObject({
      status: "ACTIVE",
    });
    expect(await sessionOf(r.sessionId, clock.now())).toMatchObject({ authLevel: "PASSWORD", otpAt: null });
    expect(await db().auditEvent.count({ where: { type: "PHONE_ADDED", subjectUserId: r.user.id } })).toBe(1);

    // A second phone needs a code on the first: the step-up replaces the session with a new one.
    const second = nextPhone();
    await expectDomainError(
      startPhoneRegistration(r.session, phoneForm(r.credentialId, second), fromIp(), clock.now()),
      "phones.fresh_otp_required",
    );
    await sendStepUpCode(r.session, { phoneId: result.phoneId, channel: "VOICE" }, fromIp(), clock.now());
    const rotated = await confirmStepUp(r.session, await latestCode(phone), fromIp(), clock.now());
    expect(rotated.sessionId).not.toBe(r.sessionId);
    expect(await resolveSession(r.sessionId, clock.now()), "the old session id is refused").toBeNull();
    expect(await claimSessionTicket(rotated.ticket, clock.now())).toBe(rotated.sessionId);
    const fresh = await sessionOf(rotated.sessionId, clock.now());
    expect(fresh).toMatchObject({
      authLevel: "PASSWORD_OTP",
      otpAt: clock.now(),
      passwordAt: r.session.passwordAt,
    });
    await startPhoneRegistration(fresh, phoneForm(r.credentialId, second), fromIp(), clock.now());
  });

  it("the two-credential bypass is refused: a second credential gets no phone without a step-up on an existing one", async () => {
    const victim = await createActiveCredential({ now: clock.now() });
    // The session stays in use (no idle timeout) while its phone OTP grows older than 20 minutes.
    clock.advance(11 * MINUTE);
    await sessionOf(victim.sessionId, clock.now());
    clock.advance(10 * MINUTE);
    const secondCredential = await activateAnotherCredential(victim.user, clock.now());
    const session = await sessionOf(victim.sessionId, clock.now());
    const attackers = nextPhone();

    await expectDomainError(
      startPhoneRegistration(session, phoneForm(secondCredential, attackers), fromIp(), clock.now()),
      "phones.fresh_otp_required",
    );
    expect(await getPhoneSetup(session, secondCredential, clock.now())).toMatchObject({
      needsFreshOtp: true,
    });
    expect(await outboxFor(attackers), "no code went to the attacker's phone").toHaveLength(0);
    expect(await db().phoneNumber.count({ where: { userId: victim.user.id } })).toBe(1);
  });

  it("a session whose password is over 12 hours old adds no phone, even right after a step-up", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const stale = { ...u.session, passwordAt: new Date(clock.now().getTime() - 13 * 60 * MINUTE) };
    await expectDomainError(
      startPhoneRegistration(stale, phoneForm(u.credentialId, nextPhone()), fromIp(), clock.now()),
      "phones.fresh_otp_required",
    );
    expect(await getPhoneSetup(stale, u.credentialId, clock.now())).toMatchObject({ needsSignIn: true });
  });

  it("10 parallel confirmations of one code on a credential with 2 phones: exactly 3 phones at the end", async () => {
    const u = await createActiveCredential({ phones: 2, now: clock.now() });
    const third = nextPhone();
    await startPhoneRegistration(u.session, phoneForm(u.credentialId, third), fromIp(), clock.now());
    const code = await latestCode(third);

    const { wins, refusals } = settle(
      await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          confirmPhone(u.session, { credentialId: u.credentialId, code }, fromIp(), clock.now()),
        ),
      ),
    );
    expect(wins).toHaveLength(1);
    // A confirmation that starts after the winner committed finds the credential full before its code.
    for (const code of refusals)
      expect(["otp.used", "otp.too_many_tries", "phones.limit_reached"]).toContain(code);
    expect(await db().phoneNumber.count({ where: { credentialId: u.credentialId } })).toBe(3);
    expect((await getPhoneSetup(u.session, u.credentialId, clock.now())).isFull).toBe(true);
  });

  it("10 parallel confirmations of a 4th phone on a credential that filled up meanwhile: none is added", async () => {
    const u = await createActiveCredential({ phones: 2, now: clock.now() });
    const fourth = nextPhone();
    await startPhoneRegistration(u.session, phoneForm(u.credentialId, fourth), fromIp(), clock.now());
    const code = await latestCode(fourth);
    // Only one confirmation code per user can be live, so the third phone that fills the credential while
    // this code waits is written directly, as another confirmation committing first would.
    const filler = nextPhone();
    await db().phoneNumber.create({
      data: {
        userId: u.user.id,
        credentialId: u.credentialId,
        e164Encrypted: encrypt(filler),
        e164Fingerprint: phoneFingerprint(filler),
        country: "US",
        lastDigits: filler.slice(-2),
        verifiedAt: clock.now(),
      },
    });

    const { wins, refusals } = settle(
      await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          confirmPhone(u.session, { credentialId: u.credentialId, code }, fromIp(), clock.now()),
        ),
      ),
    );
    expect(wins).toHaveLength(0);
    // The full credential is refused before the code is checked, so the code is not spent either.
    expect(refusals).toEqual(Array(10).fill("phones.limit_reached"));
    expect(await db().phoneNumber.count({ where: { credentialId: u.credentialId } })).toBe(3);
    expect(await db().auditEvent.count({ where: { type: "PHONE_ADDED", subjectUserId: u.user.id } })).toBe(2);
  });

  it("a later phone needs a phone OTP from the last 20 minutes", async () => {
    const start = clock.now();
    const u = await createActiveCredential({ phones: 1, now: start });
    const candidate = nextPhone();
    // The session stays alive (activity every few minutes), but its phone OTP ages.
    clock.advance(10 * MINUTE);
    await sessionOf(u.sessionId, clock.now());
    clock.advance(9 * MINUTE);
    const aging = await sessionOf(u.sessionId, clock.now());
    await startPhoneRegistration(aging, phoneForm(u.credentialId, candidate), fromIp(), clock.now());
    const code = await latestCode(candidate);

    clock.advance(2 * MINUTE);
    const stale = await sessionOf(u.sessionId, clock.now());
    expect(stale.otpAt).toEqual(start);
    expect((await getPhoneSetup(stale, u.credentialId, clock.now())).needsFreshOtp).toBe(true);
    await expectDomainError(
      confirmPhone(stale, { credentialId: u.credentialId, code }, fromIp(), clock.now()),
      "phones.fresh_otp_required",
    );
    await expectDomainError(
      startPhoneRegistration(stale, phoneForm(u.credentialId, nextPhone()), fromIp(), clock.now()),
      "phones.fresh_otp_required",
    );
    expect(await outboxFor(candidate)).toHaveLength(1);
    expect(await db().phoneNumber.count({ where: { credentialId: u.credentialId } })).toBe(1);
  });

  it("removing a phone or changing the default needs a phone OTP from the last 20 minutes, and tells the user", async () => {
    const start = clock.now();
    const u = await createActiveCredential({ phones: 3, now: start });
    const [first, second, third] = u.phones;
    const fresh = await sessionOf(u.sessionId, clock.now());
    await setDefaultPhone(fresh, { phoneId: second!.id }, fromIp(), clock.now());
    expect(await outboxFor(u.user.email)).toContainEqual(
      expect.objectContaining({ subject: "A phone number was made the default on your MAG account" }),
    );
    for (const other of [first!, third!])
      expect((await outboxFor(other.e164)).map((m) => m.body)).toContainEqual(
        expect.stringContaining("A phone number was made the default on your MAG account."),
      );

    clock.advance(10 * MINUTE);
    await sessionOf(u.sessionId, clock.now());
    clock.advance(11 * MINUTE);
    const stale = await sessionOf(u.sessionId, clock.now());
    await expectDomainError(
      removePhone(stale, { phoneId: third!.id }, fromIp(), clock.now()),
      "phones.fresh_otp_required",
    );
    await expectDomainError(
      setDefaultPhone(stale, { phoneId: first!.id }, fromIp(), clock.now()),
      "phones.fresh_otp_required",
    );
    const phones = await db().phoneNumber.findMany({ where: { credentialId: u.credentialId } });
    expect(phones).toHaveLength(3);
    expect(phones.find((p) => p.isDefault)?.id).toBe(second!.id);
  });
});
