import { beforeEach, describe, expect, it } from "vitest";
import { sendSignInCode, signInWithPassword } from "@/lib/accounts/service";
import {
  completeRecoveryWithPhone,
  generateRecoveryCodes,
  getRecoverySignIn,
  sendRecoveryPhoneCode,
  signInWithRecoveryCode,
} from "@/lib/recovery/service";
import { claimSessionTicket, resolveSession, startLoginChallenge } from "@/lib/sessions/service";
import { listSignInPhones } from "@/lib/phones/service";
import { activateAnotherCredential, createActiveCredential, nextPhone } from "../factories/credential";
import { createSignedInSession } from "../factories/session";
import { fromIp } from "../factories/request";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { latestCode, settle } from "../setup/otp";
import { outboxFor, waitForEmail } from "../setup/outbox";
import { challengeOf } from "../setup/sign-in";

// "I can't use my phones": a recovery code instead of the phone OTP opens a sign-in that can only register a
// new phone; that phone replaces the lost ones and completes the sign-in with a full session.

beforeEach(async () => {
  await resetDb();
});

const newPhoneForm = (e164: string) => ({
  country: "US",
  phone: e164,
  phoneConfirm: e164,
  channel: "SMS" as const,
});

async function userWithCodes(phones = 2) {
  const u = await createActiveCredential({ phones });
  const codes = await generateRecoveryCodes(u.user.id, fromIp());
  const passwordStep = async () =>
    challengeOf(await signInWithPassword({ login: u.user.email, password: u.user.password }, fromIp()));
  return { ...u, codes, passwordStep };
}

describe("signing in with a recovery code", () => {
  it("replaces every lost phone with a new one, ends the other sessions and tells the old phones and the email", async () => {
    const u = await userWithCodes(2);
    const otherSession = await createSignedInSession(u.user.id, new Date(), "PASSWORD_OTP");
    const challenge = await u.passwordStep();

    await signInWithRecoveryCode(challenge, u.codes[0]!, fromIp());

    expect(await resolveSession(otherSession, new Date())).toBeNull();
    expect(await resolveSession(u.sessionId, new Date())).toBeNull();
    for (const phone of u.phones) {
      expect((await outboxFor(phone.e164))[0]!.body).toContain("A recovery code was used");
    }
    const email = await waitForEmail(u.user.email, "A recovery code was used to sign in to your MAG account");
    expect(email.body).toContain("9 recovery codes left");
    // The recovered sign-in cannot finish with an old phone's code.
    await expectDomainError(
      sendSignInCode(challenge, { phoneId: u.phones[0]!.id, channel: "SMS" }, fromIp()),
      "otp.challenge_expired",
    );
    expect(await getRecoverySignIn(challenge)).toMatchObject({ recovered: true });

    const e164 = nextPhone();
    await sendRecoveryPhoneCode(challenge, newPhoneForm(e164), fromIp());
    const { ticket } = await completeRecoveryWithPhone(challenge, await latestCode(e164), fromIp());

    const sessionId = await claimSessionTicket(ticket, new Date());
    expect((await resolveSession(sessionId!, new Date()))?.authLevel).toBe("PASSWORD_OTP");
    const phones = await db().phoneNumber.findMany({ where: { userId: u.user.id } });
    expect(phones).toHaveLength(1);
    expect(phones[0]).toMatchObject({ credentialId: u.credentialId, isDefault: true });
    expect(await listSignInPhones(u.user.id)).toHaveLength(1);
    const credential = await db().credential.findUniqueOrThrow({ where: { id: u.credentialId } });
    expect(credential.status).toBe("ACTIVE");
    expect(
      await db().auditEvent.findFirst({ where: { type: "PHONES_RECOVERED", subjectUserId: u.user.id } }),
    ).toMatchObject({ result: "SUCCESS", detail: expect.objectContaining({ removed: 2 }) as unknown });
    // The sign-in is spent: the same challenge opens nothing more.
    await expectDomainError(
      completeRecoveryWithPhone(challenge, await latestCode(e164), fromIp()),
      "otp.challenge_expired",
    );
  });

  it("a used code never works again, and a wrong one leaves the sign-in waiting for the phone OTP", async () => {
    const u = await userWithCodes(1);
    const first = await u.passwordStep();
    await expectDomainError(
      signInWithRecoveryCode(first, "0000-0000-0000-0000", fromIp()),
      "recovery.code_invalid",
    );
    expect(await getRecoverySignIn(first)).toMatchObject({ recovered: false });

    await signInWithRecoveryCode(first, u.codes[1]!, fromIp());
    const second = await u.passwordStep();
    await expectDomainError(signInWithRecoveryCode(second, u.codes[1]!, fromIp()), "recovery.code_invalid");
  });

  it("one code spent on 10 pending sign-ins at once opens exactly one", async () => {
    const u = await userWithCodes(1);
    // Ten browsers past the password step (made directly: ten password sign-ins in a row hit their own limit).
    const challenges = await Promise.all(
      Array.from({ length: 10 }, () => startLoginChallenge(u.user.id, fromIp(), new Date())),
    );
    const { wins, refusals } = settle(
      await Promise.allSettled(challenges.map((c) => signInWithRecoveryCode(c, u.codes[2]!, fromIp()))),
    );
    expect(wins).toHaveLength(1);
    // The winner ended every other pending sign-in, or their code was already spent.
    expect(refusals.every((r) => r === "recovery.code_invalid" || r === "otp.challenge_expired")).toBe(true);
    expect(await db().recoveryCode.count({ where: { userId: u.user.id, usedAt: { not: null } } })).toBe(1);
  });

  it("a pending sign-in that has not spent a code cannot register a phone", async () => {
    const u = await userWithCodes(1);
    const challenge = await u.passwordStep();
    await expectDomainError(
      sendRecoveryPhoneCode(challenge, newPhoneForm(nextPhone()), fromIp()),
      "otp.challenge_expired",
    );
    await expectDomainError(
      sendRecoveryPhoneCode(undefined, newPhoneForm(nextPhone()), fromIp()),
      "otp.challenge_expired",
    );
  });

  it("the new phone goes on the latest-expiring credential; the others wait for a first phone", async () => {
    const u = await userWithCodes(1);
    const second = await activateAnotherCredential(u.user);
    await db().credential.update({
      where: { id: second },
      data: { expiresAt: new Date(Date.now() + 800 * 86_400_000) },
    });
    // The second credential has no phone: the phones' credential keeps the recovered phone.
    const challenge = await u.passwordStep();
    await signInWithRecoveryCode(challenge, u.codes[3]!, fromIp());
    const e164 = nextPhone();
    await sendRecoveryPhoneCode(challenge, newPhoneForm(e164), fromIp());
    await completeRecoveryWithPhone(challenge, await latestCode(e164), fromIp());
    const phones = await db().phoneNumber.findMany({ where: { userId: u.user.id } });
    expect(phones.map((p) => p.credentialId)).toEqual([u.credentialId]);
  });
});
