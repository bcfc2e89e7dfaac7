import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { completeSignInWithCode, sendSignInCode, signInWithPassword } from "@/lib/accounts/service";
import { sendCode, verifyCode } from "@/lib/otp/service";
import { confirmPhone, startPhoneRegistration } from "@/lib/phones/service";
import { liftUserOtpLockout } from "@/lib/admin/service";
import { claimSessionTicket } from "@/lib/sessions/service";
import { createActiveCredential, nextPhone, phoneForm, type PhoneUser } from "../factories/credential";
import { fromIp } from "../factories/request";
import { asStaff } from "../factories/staff";
import { createUser } from "../factories/user";
import { useTestClock, type TestClock } from "../setup/clock";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { latestCode, settle, wrongCode } from "../setup/otp";
import { outboxFor } from "../setup/outbox";
import { challengeOf } from "../setup/sign-in";

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

/** Password step of a sign-in for a user who has a phone: the pending sign-in's token. */
async function passwordStep(u: PhoneUser, ip = "203.0.113.10") {
  return challengeOf(
    await signInWithPassword({ login: u.user.email, password: u.user.password }, fromIp(ip), clock.now()),
  );
}

/** Signs in up to the code: password checked, code texted to the first phone; returns the token and code. */
async function codeSent(u: PhoneUser) {
  const token = await passwordStep(u);
  await sendSignInCode(token, { phoneId: u.phones[0]!.id, channel: "SMS" }, fromIp(), clock.now());
  return { token, code: await latestCode(u.phones[0]!.e164) };
}

function auditCount(type: "OTP_FAILED" | "OTP_VERIFIED" | "OTP_LOCKED", userId: string) {
  return db().auditEvent.count({ where: { type, subjectUserId: userId } });
}

describe("a code", () => {
  it("20 parallel checks of the one right code: exactly one succeeds, the others are refused", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const phone = u.phones[0]!;
    const binding = "pending-sign-in-1";
    await sendCode({
      userId: u.user.id,
      purpose: "SIGN_IN",
      channel: "SMS",
      e164: phone.e164,
      phoneId: phone.id,
      binding,
      request: fromIp(),
      now: clock.now(),
    });
    const code = await latestCode(phone.e164);

    const { wins, refusals } = settle(
      await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          verifyCode({
            userId: u.user.id,
            purpose: "SIGN_IN",
            code,
            binding,
            request: fromIp(),
            now: clock.now(),
          }),
        ),
      ),
    );
    expect(wins).toEqual([{ e164: phone.e164, phoneId: phone.id, channel: "SMS" }]);
    expect(refusals).toHaveLength(19);
    for (const code of refusals) expect(["otp.used", "otp.too_many_tries", "otp.incorrect"]).toContain(code);
    // A right code that lost the race is not a wrong guess.
    expect(await auditCount("OTP_FAILED", u.user.id)).toBe(0);
  });

  it("20 parallel sign-ins with the right code open exactly one session, authenticated with password and phone", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const { token, code } = await codeSent(u);
    const sessionsBefore = await db().session.count();

    const { wins, refusals } = settle(
      await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          completeSignInWithCode(token, code, fromIp(`198.51.100.${i}`), clock.now()),
        ),
      ),
    );
    expect(wins).toHaveLength(1);
    expect(refusals).toHaveLength(19);
    for (const code of refusals)
      expect(["otp.used", "otp.too_many_tries", "otp.challenge_expired"]).toContain(code);
    expect(await db().session.count()).toBe(sessionsBefore + 1);

    const sessionId = await claimSessionTicket(wins[0]!.ticket, clock.now());
    const session = await db().session.findUniqueOrThrow({ where: { id: sessionId! } });
    expect(session).toMatchObject({ userId: u.user.id, authLevel: "PASSWORD_OTP", otpAt: clock.now() });
  });

  it("50 parallel wrong guesses: at most 5 are evaluated, none gets in, and the right code is refused afterwards", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const { token, code } = await codeSent(u);
    const sessionsBefore = await db().session.count();

    const { wins, refusals } = settle(
      await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          completeSignInWithCode(token, wrongCode(code, i + 1), fromIp(), clock.now()),
        ),
      ),
    );
    expect(wins).toHaveLength(0);
    for (const code of refusals) expect(["otp.incorrect", "otp.too_many_tries"]).toContain(code);
    // All but the five evaluated are told the code has had its tries.
    expect(refusals.filter((c) => c === "otp.too_many_tries").length).toBeGreaterThanOrEqual(45);
    expect(await auditCount("OTP_FAILED", u.user.id)).toBeLessThanOrEqual(5);
    const row = await db().oneTimeCode.findUniqueOrThrow({
      where: { userId_purpose: { userId: u.user.id, purpose: "SIGN_IN" } },
    });
    expect(row.attempts).toBeLessThanOrEqual(5);

    await expectDomainError(completeSignInWithCode(token, code, fromIp(), clock.now()), "otp.too_many_tries");
    expect(await db().session.count()).toBe(sessionsBefore);
  });

  it("works once: a used code is refused on a later sign-in", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const { token, code } = await codeSent(u);
    await completeSignInWithCode(token, code, fromIp(), clock.now());

    clock.advance(MINUTE);
    const again = await passwordStep(u);
    await expectDomainError(completeSignInWithCode(again, code, fromIp(), clock.now()), "otp.used");
  });

  it(
    "a used code is refused in the same sign-in and in a new one, in 100 trials of 100",
    { timeout: 60_000 },
    async () => {
      const u = await createActiveCredential({ now: clock.now() });
      const refusals: string[] = [];
      const sessions = () => db().session.count({ where: { userId: u.user.id } });
      const before = await sessions();
      const refusedAs = (call: Promise<unknown>) =>
        call.then(
          () => "accepted",
          (error: { code?: string }) => error.code ?? "threw",
        );
      for (let trial = 0; trial < 100; trial++) {
        const { token, code } = await codeSent(u);
        await completeSignInWithCode(token, code, fromIp(), clock.now());
        refusals.push(await refusedAs(completeSignInWithCode(token, code, fromIp(), clock.now())));
        const again = await passwordStep(u);
        refusals.push(await refusedAs(completeSignInWithCode(again, code, fromIp(), clock.now())));
        // Each trial its own code: the send limits are not what this counts.
        clock.advance(MINUTE);
        await db().$executeRawUnsafe("DELETE FROM rate_limits");
      }
      expect(refusals.filter((r) => r === "accepted")).toEqual([]);
      expect(new Set(refusals)).toEqual(new Set(["otp.challenge_expired", "otp.used"]));
      expect(await sessions()).toBe(before + 100);
    },
  );

  it("belongs to the sign-in it was sent for: another pending sign-in cannot use it", async () => {
    const u = await createActiveCredential({ phones: 2, now: clock.now() });
    const { token, code } = await codeSent(u);
    // Someone else who knows the password starts their own sign-in and types the code phone A received.
    const other = await passwordStep(u, "198.51.100.66");
    await expectDomainError(
      completeSignInWithCode(other, code, fromIp("198.51.100.66"), clock.now()),
      "otp.incorrect",
    );

    await expect(completeSignInWithCode(token, code, fromIp(), clock.now())).resolves.toHaveProperty(
      "ticket",
    );
  });

  it("a phone confirmation code does not sign in, and a sign-in code does not confirm a phone", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const candidate = nextPhone();
    await startPhoneRegistration(u.session, phoneForm(u.credentialId, candidate), fromIp(), clock.now());
    const confirmCode = await latestCode(candidate);

    const token = await passwordStep(u);
    await expectDomainError(completeSignInWithCode(token, confirmCode, fromIp(), clock.now()), "otp.no_code");
    await sendSignInCode(token, { phoneId: u.phones[0]!.id, channel: "SMS" }, fromIp(), clock.now());
    const signInCode = await latestCode(u.phones[0]!.e164);
    expect(signInCode).not.toBe(confirmCode);
    await expectDomainError(
      completeSignInWithCode(token, confirmCode, fromIp(), clock.now()),
      "otp.incorrect",
    );
    await expectDomainError(
      confirmPhone(u.session, { credentialId: u.credentialId, code: signInCode }, fromIp(), clock.now()),
      "otp.incorrect",
    );

    await expect(completeSignInWithCode(token, signInCode, fromIp(), clock.now())).resolves.toHaveProperty(
      "ticket",
    );
    await expect(
      confirmPhone(u.session, { credentialId: u.credentialId, code: confirmCode }, fromIp(), clock.now()),
    ).resolves.toMatchObject({ isFirst: false });
  });

  it("expires after 5 minutes: refused 1 s after, accepted at 4 min 59 s", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const late = await codeSent(u);
    clock.advance(5 * MINUTE + SECOND);
    await expectDomainError(
      completeSignInWithCode(late.token, late.code, fromIp(), clock.now()),
      "otp.expired",
    );

    const inTime = await codeSent(u);
    clock.advance(4 * MINUTE + 59 * SECOND);
    await expect(
      completeSignInWithCode(inTime.token, inTime.code, fromIp(), clock.now()),
    ).resolves.toHaveProperty("ticket");
  });
});

describe("a resend", () => {
  it("replaces the earlier code", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const { token, code: first } = await codeSent(u);
    clock.advance(31 * SECOND);
    await sendSignInCode(token, { phoneId: u.phones[0]!.id, channel: "VOICE" }, fromIp(), clock.now());
    const second = await latestCode(u.phones[0]!.e164);
    expect(second).not.toBe(first);

    await expectDomainError(completeSignInWithCode(token, first, fromIp(), clock.now()), "otp.incorrect");
    await expect(completeSignInWithCode(token, second, fromIp(), clock.now())).resolves.toHaveProperty(
      "ticket",
    );
  });

  it("does not reset the failure count: 10 wrong codes across resends lock codes for 15 minutes, with one email", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const phone = { phoneId: u.phones[0]!.id, channel: "SMS" as const };
    const { token, code: first } = await codeSent(u);
    const tryWrong = (code: string, n: number) =>
      completeSignInWithCode(token, wrongCode(code, n), fromIp(), clock.now());

    for (let n = 1; n <= 4; n += 1) {
      const error = await expectDomainError(tryWrong(first, n), "otp.incorrect");
      expect(error.details.fieldErrors?.code).toBe("That code is not correct.");
    }
    await expectDomainError(tryWrong(first, 5), "otp.too_many_tries");

    clock.advance(31 * SECOND);
    await sendSignInCode(token, phone, fromIp(), clock.now());
    const second = await latestCode(u.phones[0]!.e164);
    expect(
      (await db().otpGuard.findUniqueOrThrow({ where: { userId: u.user.id } })).consecutiveFailures,
    ).toBe(5);

    await expectDomainError(tryWrong(second, 1), "otp.incorrect");
    const warned = await expectDomainError(tryWrong(second, 2), "otp.incorrect");
    expect(warned.details.fieldErrors?.code).toMatch(/3 tries remain/);
    expect((await expectDomainError(tryWrong(second, 3), "otp.incorrect")).details.fieldErrors?.code).toMatch(
      /2 tries remain/,
    );
    expect((await expectDomainError(tryWrong(second, 4), "otp.incorrect")).details.fieldErrors?.code).toMatch(
      /1 try remains/,
    );
    const locked = await expectDomainError(tryWrong(second, 5), "otp.locked");
    expect(locked.details.retryAfterSeconds).toBe(900);

    // Locked: even the right code is not tried, and no code can be sent.
    clock.advance(MINUTE);
    const stillLocked = await expectDomainError(
      completeSignInWithCode(token, second, fromIp(), clock.now()),
      "otp.locked",
    );
    expect(stillLocked.details.retryAfterSeconds).toBe(14 * 60);
    const textsBefore = (await outboxFor(u.phones[0]!.e164)).length;
    await expectDomainError(sendSignInCode(token, phone, fromIp(), clock.now()), "otp.locked");
    expect(await outboxFor(u.phones[0]!.e164)).toHaveLength(textsBefore);
    expect(await auditCount("OTP_LOCKED", u.user.id)).toBe(1);
    const emails = (await outboxFor(u.user.email)).filter(
      (m) => m.subject === "Your one-time passcodes are locked for 15 minutes",
    );
    expect(emails).toHaveLength(1);

    // 15 minutes after the lock, the pending sign-in has expired; a new one gets a code that works.
    clock.advance(14 * MINUTE);
    const fresh = await codeSent(u);
    await expect(
      completeSignInWithCode(fresh.token, fresh.code, fromIp(), clock.now()),
    ).resolves.toHaveProperty("ticket");
    expect(await db().otpGuard.findUniqueOrThrow({ where: { userId: u.user.id } })).toMatchObject({
      consecutiveFailures: 0,
      lockedUntil: null,
    });
  });

  it("parallel wrong codes that cross the limit lock once and send one email", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const { token, code } = await codeSent(u);
    const wrong = (right: string, n: number) =>
      completeSignInWithCode(token, wrongCode(right, n), fromIp(), clock.now());
    // 8 failures over two codes, then a third code takes 10 guesses at once: up to 5 are evaluated and
    // several of them see the count reach 10.
    for (let n = 1; n <= 4; n += 1) await expectDomainError(wrong(code, n), "otp.incorrect");
    clock.advance(31 * SECOND);
    await sendSignInCode(token, { phoneId: u.phones[0]!.id, channel: "SMS" }, fromIp(), clock.now());
    const second = await latestCode(u.phones[0]!.e164);
    for (let n = 1; n <= 4; n += 1) await expectDomainError(wrong(second, n), "otp.incorrect");
    clock.advance(31 * SECOND);
    await sendSignInCode(token, { phoneId: u.phones[0]!.id, channel: "SMS" }, fromIp(), clock.now());
    const third = await latestCode(u.phones[0]!.e164);

    const { wins, refusals } = settle(
      await Promise.allSettled(Array.from({ length: 10 }, (_, i) => wrong(third, i + 1))),
    );
    expect(wins).toHaveLength(0);
    expect(refusals).toContain("otp.locked");
    for (const code of refusals)
      expect(["otp.incorrect", "otp.too_many_tries", "otp.locked"]).toContain(code);
    expect(await auditCount("OTP_LOCKED", u.user.id)).toBe(1);
    const emails = (await outboxFor(u.user.email)).filter(
      (m) => m.subject === "Your one-time passcodes are locked for 15 minutes",
    );
    expect(emails).toHaveLength(1);
    await expectDomainError(completeSignInWithCode(token, third, fromIp(), clock.now()), "otp.locked");
  });
});

describe("repeated locks and the lifetime cap", () => {
  /** Ten wrong codes in a row (two codes, five tries each) as a guesser would; returns the lock's wait. */
  async function tenWrongCodes(u: PhoneUser): Promise<number | undefined> {
    const phone = u.phones[0]!;
    let refusal: Awaited<ReturnType<typeof expectDomainError>> | undefined;
    for (let round = 0; round < 2; round += 1) {
      await sendCode({
        userId: u.user.id,
        purpose: "SIGN_IN",
        channel: "SMS",
        e164: phone.e164,
        phoneId: phone.id,
        binding: "guesser",
        request: fromIp(),
        now: clock.now(),
      });
      const right = await latestCode(phone.e164);
      for (let n = 1; n <= 5; n += 1) {
        const guess = verifyCode({
          userId: u.user.id,
          purpose: "SIGN_IN",
          code: wrongCode(right, n),
          binding: "guesser",
          request: fromIp(),
          now: clock.now(),
        });
        const expected = n < 5 ? "otp.incorrect" : round === 0 ? "otp.too_many_tries" : "otp.locked";
        refusal = await expectDomainError(guess, expected);
      }
      clock.advance(31 * SECOND);
    }
    return refusal?.details.retryAfterSeconds;
  }

  it("each lock since the last successful sign-in lasts longer: 15 minutes, 1 hour, 4 hours; a sign-in starts over", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    expect(await tenWrongCodes(u)).toBe(15 * 60);
    clock.advance(15 * MINUTE);
    expect(await tenWrongCodes(u)).toBe(60 * 60);
    clock.advance(60 * MINUTE);
    expect(await tenWrongCodes(u)).toBe(4 * 60 * 60);
    expect(
      (await outboxFor(u.user.email)).map((m) => m.subject).filter((s) => s?.startsWith("Your one-time")),
    ).toEqual(
      expect.arrayContaining([
        "Your one-time passcodes are locked for 15 minutes",
        "Your one-time passcodes are locked for 1 hour",
        "Your one-time passcodes are locked for 4 hours",
      ]),
    );

    clock.advance(4 * 60 * MINUTE);
    const { token, code } = await codeSent(u);
    await completeSignInWithCode(token, code, fromIp(), clock.now());
    clock.advance(31 * SECOND);
    expect(await tenWrongCodes(u), "a successful sign-in starts the ladder over").toBe(15 * 60);
  });

  it("100 wrong codes since the last sign-in disable phone OTP sign-in until support recovers the account", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    // 99 wrong codes already happened over the past days (the lock ladder would make that take a week).
    await db().otpGuard.upsert({
      where: { userId: u.user.id },
      create: { userId: u.user.id, failuresSinceSignIn: 99, locksSinceSignIn: 9 },
      update: { failuresSinceSignIn: 99, locksSinceSignIn: 9 },
    });
    const { token, code } = await codeSent(u);
    await expectDomainError(
      completeSignInWithCode(token, wrongCode(code, 1), fromIp(), clock.now()),
      "otp.disabled",
    );
    await expectDomainError(completeSignInWithCode(token, code, fromIp(), clock.now()), "otp.disabled");
    clock.advance(5 * 60 * MINUTE);
    await expectDomainError(
      sendSignInCode(
        await passwordStep(u),
        { phoneId: u.phones[0]!.id, channel: "SMS" },
        fromIp(),
        clock.now(),
      ),
      "otp.disabled",
    );
    expect(
      (await outboxFor(u.user.email)).some(
        (m) => m.subject === "Phone sign-in to your MAG account is disabled",
      ),
    ).toBe(true);

    // Support recovers the account after an identity check, written to the audit log as the reason.
    const admin = await createUser({ role: "ADMIN" });
    await liftUserOtpLockout(
      asStaff(admin),
      {
        userId: u.user.id,
        reason: "Identity checked: DOB, last order number and a selfie call",
        confirm: "on",
      },
      fromIp(),
    );
    const again = await codeSent(u);
    await expect(
      completeSignInWithCode(again.token, again.code, fromIp(), clock.now()),
    ).resolves.toHaveProperty("ticket");
  });

  it("the count is since the last successful sign-in: a sign-in at 99 starts it over", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    await db().otpGuard.upsert({
      where: { userId: u.user.id },
      create: { userId: u.user.id, failuresSinceSignIn: 99 },
      update: { failuresSinceSignIn: 99 },
    });
    const first = await codeSent(u);
    await completeSignInWithCode(first.token, first.code, fromIp(), clock.now());
    clock.advance(31 * SECOND);
    const second = await codeSent(u);
    await expectDomainError(
      completeSignInWithCode(second.token, wrongCode(second.code, 1), fromIp(), clock.now()),
      "otp.incorrect",
    );
  });
});
