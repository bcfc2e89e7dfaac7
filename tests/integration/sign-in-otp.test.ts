import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  changePassword,
  approvePhoneForOneCode,
  completeSignInWithCode,
  getPendingSignIn,
  sendSignInCode,
  signInWithPassword,
} from "@/lib/accounts/service";
import { setAccountStatus } from "@/lib/admin/service";
import { phoneRiskEventsForUser } from "@/lib/audit/service";
import { phoneFingerprint } from "@/lib/otp/service";
import { claimSessionTicket, resolveSession } from "@/lib/sessions/service";
import { confirmPhone, sendStepUpCode, startPhoneRegistration } from "@/lib/phones/service";
import {
  createActivatedCredential,
  createActiveCredential,
  phoneForm,
  sessionOf,
  type PhoneUser,
} from "../factories/credential";
import { createSignedInSession } from "../factories/session";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { asStaff } from "../factories/staff";
import { useTestClock, type TestClock } from "../setup/clock";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { latestCode } from "../setup/otp";
import { linkToken, outboxFor, waitForEmail } from "../setup/outbox";
import { challengeOf, ticketOf } from "../setup/sign-in";

let clock: TestClock;

beforeEach(async () => {
  await resetDb();
  clock = useTestClock();
});

afterEach(() => {
  vi.useRealTimers();
});

const MINUTE = 60_000;

function signIn(user: { email: string; password: string }) {
  return signInWithPassword({ login: user.email, password: user.password }, fromIp(), clock.now());
}

/** The carrier lookup (cached a day) now says the phone's SIM moved `ago` ms before the test clock. */
async function markSimSwapped(e164: string, ago: number) {
  await db().phoneLineCheck.update({
    where: { fingerprint: phoneFingerprint(e164) },
    data: { simSwappedAt: new Date(clock.now().getTime() - ago), checkedAt: clock.now() },
  });
}

async function passwordStep(u: PhoneUser) {
  return challengeOf(await signIn(u.user));
}

describe("signing in with a phone one-time passcode", () => {
  it("a user with an active credential and a phone gets a pending sign-in, and no session yet", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const sessionsBefore = await db().session.count();

    const result = await signIn(u.user);
    expect(result).toEqual({
      kind: "otp_required",
      challengeToken: expect.any(String) as string,
      phones: [expect.objectContaining({ id: u.phones[0]!.id, isDefault: true })],
    });
    expect(await db().session.count()).toBe(sessionsBefore);
    expect(await db().loginChallenge.count({ where: { userId: u.user.id, completedAt: null } })).toBe(1);
  });

  it("an expired credential's phones still guard the sign-in: expiry never makes it password-only", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    await db().credential.update({
      where: { id: u.credentialId },
      data: { expiresAt: new Date(clock.now().getTime() - MINUTE) },
    });

    expect(await signIn(u.user)).toMatchObject({ kind: "otp_required" });
  });

  it("the pending sign-in shows the user's phones masked, default first", async () => {
    const u = await createActiveCredential({ phones: 2, now: clock.now() });
    const pending = await getPendingSignIn(await passwordStep(u), clock.now());

    expect(pending?.phones.map((p) => p.id)).toEqual(u.phones.map((p) => p.id));
    expect(pending?.phones.map((p) => p.isDefault)).toEqual([true, false]);
    for (const [i, phone] of pending!.phones.entries()) {
      const e164 = u.phones[i]!.e164;
      expect(phone.label).toBe(`US ••• ••• ••${e164.slice(-2)}`);
      expect(phone.label).not.toMatch(/\d{3}/);
    }
  });

  it("sends no sign-in code to a phone whose SIM the carrier reports swapped this week; another phone still works", async () => {
    const u = await createActiveCredential({ phones: 2, now: clock.now() });
    const token = await passwordStep(u);
    const [first, second] = [u.phones[0]!, u.phones[1]!];
    const before = (await outboxFor(first.e164)).length;
    await markSimSwapped(first.e164, 48 * 60 * MINUTE);
    await expectDomainError(
      sendSignInCode(token, { phoneId: first.id, channel: "SMS" }, fromIp(), clock.now()),
      "otp.sim_swap_recent",
    );
    expect(await outboxFor(first.e164)).toHaveLength(before);
    await sendSignInCode(token, { phoneId: second.id, channel: "SMS" }, fromIp(), clock.now());
    expect(
      await db().auditEvent.count({ where: { type: "PHONE_LINE_REFUSED", subjectUserId: u.user.id } }),
    ).toBe(1);
  });

  it("with no other phone, a SIM swap sends an email whose link allows exactly one code to that phone", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const phone = u.phones[0]!;
    await markSimSwapped(phone.e164, 24 * 60 * MINUTE);
    const token = await passwordStep(u);
    const send = () => sendSignInCode(token, { phoneId: phone.id, channel: "SMS" }, fromIp(), clock.now());
    const textsBefore = (await outboxFor(phone.e164)).length;

    await expectDomainError(send(), "otp.sim_swap_email_sent");
    const email = await waitForEmail(u.user.email, "Allow a code to your phone?");
    expect(email.body).toContain(`US ••• ••• ••${phone.e164.slice(-2)}`);
    expect(email.body).not.toContain(phone.e164.slice(2));
    // Asking again does not flood the mailbox: one live link per phone.
    await expectDomainError(send(), "otp.sim_swap_email_sent");
    expect((await outboxFor(u.user.email)).filter((m) => m.subject === email.subject)).toHaveLength(1);
    expect(await outboxFor(phone.e164)).toHaveLength(textsBefore);

    const approval = linkToken(email.body);
    await approvePhoneForOneCode(approval, fromIp(), clock.now());
    await expectDomainError(approvePhoneForOneCode(approval, fromIp(), clock.now()), "accounts.link_invalid");
    // Support sees it on the user's page, next to the refusals.
    expect((await phoneRiskEventsForUser(u.user.id)).map((e) => e.label)).toEqual([
      "the user allowed one code from the emailed link",
      expect.stringContaining("SIM swapped"),
      expect.stringContaining("SIM swapped"),
    ]);

    await send();
    const { ticket } = await completeSignInWithCode(
      token,
      await latestCode(phone.e164),
      fromIp(),
      clock.now(),
    );
    expect(ticket).toEqual(expect.any(String));
    // The approval was for one code: the next sign-in is refused again, and a new link is emailed.
    const next = await passwordStep(u);
    await expectDomainError(
      sendSignInCode(next, { phoneId: phone.id, channel: "SMS" }, fromIp(), clock.now()),
      "otp.sim_swap_email_sent",
    );
  });

  it("an approval link no longer works after 30 minutes", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const phone = u.phones[0]!;
    await markSimSwapped(phone.e164, 60 * MINUTE);
    const token = await passwordStep(u);
    await expectDomainError(
      sendSignInCode(token, { phoneId: phone.id, channel: "SMS" }, fromIp(), clock.now()),
      "otp.sim_swap_email_sent",
    );
    const approval = linkToken((await waitForEmail(u.user.email, "Allow a code to your phone?")).body);
    clock.advance(31 * MINUTE);
    await expectDomainError(approvePhoneForOneCode(approval, fromIp(), clock.now()), "accounts.link_invalid");
  });

  it("texts or calls the code to the chosen phone only, and the code completes the sign-in", async () => {
    const u = await createActiveCredential({ phones: 2, now: clock.now() });
    const token = await passwordStep(u);
    const [first, second] = [u.phones[0]!, u.phones[1]!];
    const textsToFirst = (await outboxFor(first.e164)).length;

    await sendSignInCode(token, { phoneId: second.id, channel: "VOICE" }, fromIp(), clock.now());
    const [call] = await outboxFor(second.e164);
    expect(call).toMatchObject({ channel: "voice" });
    expect(await outboxFor(first.e164)).toHaveLength(textsToFirst);

    const { ticket } = await completeSignInWithCode(
      token,
      await latestCode(second.e164),
      fromIp(),
      clock.now(),
    );
    const session = await resolveSession((await claimSessionTicket(ticket, clock.now()))!, clock.now());
    expect(session).toMatchObject({ userId: u.user.id, authLevel: "PASSWORD_OTP", otpAt: clock.now() });

    // The pending sign-in is spent.
    expect(await getPendingSignIn(token, clock.now())).toBeNull();
    await expectDomainError(
      sendSignInCode(token, { phoneId: first.id, channel: "SMS" }, fromIp(), clock.now()),
      "otp.challenge_expired",
    );
  });

  it("refuses to send the code to a phone of another user", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const stranger = await createActiveCredential({ now: clock.now() });
    const strangerTexts = (await outboxFor(stranger.phones[0]!.e164)).length;

    const error = await expectDomainError(
      sendSignInCode(
        await passwordStep(u),
        { phoneId: stranger.phones[0]!.id, channel: "SMS" },
        fromIp(),
        clock.now(),
      ),
      "phones.not_found",
    );
    expect(error.details.fieldErrors).toHaveProperty("phoneId");
    expect(await outboxFor(stranger.phones[0]!.e164)).toHaveLength(strangerTexts);
    expect(await db().oneTimeCode.count({ where: { purpose: "SIGN_IN" } })).toBe(0);
  });

  it("refuses a tampered pending sign-in token", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const token = await passwordStep(u);
    await sendSignInCode(token, { phoneId: u.phones[0]!.id, channel: "SMS" }, fromIp(), clock.now());
    const code = await latestCode(u.phones[0]!.e164);
    const [id, mac] = token.split(".") as [string, string];
    const other = (await passwordStep(u)).split(".")[0]!;
    const flipped = `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;

    for (const tampered of [
      `${id}.${flipped}`,
      `${other}.${mac}`,
      id,
      `${id}.`,
      `${id}.${mac}x`,
      "",
      undefined,
    ]) {
      expect(await getPendingSignIn(tampered, clock.now())).toBeNull();
      await expectDomainError(
        completeSignInWithCode(tampered, code, fromIp(), clock.now()),
        "otp.challenge_expired",
      );
    }
    // None of those reached the code: it still works with the real token.
    await expect(completeSignInWithCode(token, code, fromIp(), clock.now())).resolves.toHaveProperty(
      "ticket",
    );
  });

  it("a pending sign-in expires after 10 minutes, even with a code that is still valid", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const token = await passwordStep(u);
    clock.advance(7 * MINUTE);
    await sendSignInCode(token, { phoneId: u.phones[0]!.id, channel: "SMS" }, fromIp(), clock.now());
    const code = await latestCode(u.phones[0]!.e164);

    clock.advance(4 * MINUTE);
    const sessionsBefore = await db().session.count();
    expect(await getPendingSignIn(token, clock.now())).toBeNull();
    await expectDomainError(
      completeSignInWithCode(token, code, fromIp(), clock.now()),
      "otp.challenge_expired",
    );
    await expectDomainError(
      sendSignInCode(token, { phoneId: u.phones[0]!.id, channel: "SMS" }, fromIp(), clock.now()),
      "otp.challenge_expired",
    );
    expect(await db().session.count()).toBe(sessionsBefore);
  });

  it("users without an active credential with a phone still get a session straight away", async () => {
    const plain = await createUser();
    expect((await signIn(plain)).kind).toBe("session");

    // Activated but no phone registered yet: the password session is how they reach phone registration.
    const { user } = await createActivatedCredential({ now: clock.now() });
    const { ticket } = ticketOf(await signIn(user));
    expect(await claimSessionTicket(ticket, clock.now())).not.toBeNull();
    // No pending sign-in is left behind for them.
    expect(await db().loginChallenge.count({ where: { userId: { in: [plain.id, user.id] } } })).toBe(0);
  });

  it("a password change ends a pending sign-in that was started with the old password", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    // Someone who knew the old password is one code away from a session...
    const pending = await passwordStep(u);
    await sendSignInCode(
      pending,
      { phoneId: u.phones[0]!.id, channel: "SMS" },
      fromIp("198.51.100.66"),
      clock.now(),
    );
    const code = await latestCode(u.phones[0]!.e164);

    // ...when the owner changes it: every session ends, and so does the half-open one.
    const password = "a-brand-new-passphrase-for-mag-42";
    clock.advance(MINUTE);
    await changePassword(
      u.session,
      { currentPassword: u.user.password, password, confirmPassword: password },
      fromIp(),
      clock.now(),
    );
    expect(await getPendingSignIn(pending, clock.now())).toBeNull();
    await expectDomainError(
      completeSignInWithCode(pending, code, fromIp("198.51.100.66"), clock.now()),
      "otp.challenge_expired",
    );
  });

  it("disabling the account ends its pending sign-ins: no more codes are sent", async () => {
    const u = await createActiveCredential({ now: clock.now() });
    const admin = await createUser({ role: "ADMIN" });
    const pending = await passwordStep(u);
    await setAccountStatus(
      asStaff(admin),
      { userId: u.user.id, status: "DISABLED", reason: "Reported as compromised", confirm: "on" },
      fromIp(),
    );
    const texts = (await outboxFor(u.phones[0]!.e164)).length;

    await expectDomainError(
      sendSignInCode(pending, { phoneId: u.phones[0]!.id, channel: "SMS" }, fromIp(), clock.now()),
      "otp.challenge_expired",
    );
    expect(await outboxFor(u.phones[0]!.e164)).toHaveLength(texts);
  });
});

describe("the channel and country rules hold at every send, not only at registration", () => {
  it("a number registered by text in a country without voice gets no call at sign-in or step-up", async () => {
    const { user, credentialId } = await createActivatedCredential({ now: clock.now() });
    const session = await sessionOf(await createSignedInSession(user.id, clock.now()), clock.now());
    const german = "+4915123456789";
    await startPhoneRegistration(
      session,
      phoneForm(credentialId, german, "SMS", "DE"),
      fromIp(),
      clock.now(),
    );
    const { phoneId } = await confirmPhone(
      session,
      { credentialId, code: await latestCode(german) },
      fromIp(),
      clock.now(),
    );
    const sent = (await outboxFor(german)).length;

    const token = challengeOf(await signIn(user));
    await expectDomainError(
      sendSignInCode(token, { phoneId, channel: "VOICE" }, fromIp(), clock.now()),
      "phones.voice_not_available",
    );
    await expectDomainError(
      sendStepUpCode(
        await sessionOf(session.sessionId, clock.now()),
        { phoneId, channel: "VOICE" },
        fromIp(),
        clock.now(),
      ),
      "phones.voice_not_available",
    );
    expect(await outboxFor(german), "no call was placed").toHaveLength(sent);

    await sendSignInCode(token, { phoneId, channel: "SMS" }, fromIp(), clock.now());
    expect(await outboxFor(german)).toHaveLength(sent + 1);
  });
});
