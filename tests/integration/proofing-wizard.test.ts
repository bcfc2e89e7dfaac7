import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decrypt } from "@/lib/core/crypto";
import { LOCAL_KBA_ANSWERS } from "@/lib/proofing/local-identity-verifier";
import {
  agreeToProofingTerms,
  answerKba,
  chooseProofingMethod,
  confirmProofingName,
  correctProofingName,
  getProofingStep,
  resendProofingLink,
  selectProofingCountry,
  startAttempt,
  startProofing,
  submitIdentity,
  submitMobile,
} from "@/lib/proofing/service";
import { grantAnotherProofingAttempt } from "@/lib/admin/service";
import { createActivatedCredential, nextPhone } from "../factories/credential";
import { asStaff } from "../factories/staff";
import { createUser } from "../factories/user";
import { useTestClock, type TestClock } from "../setup/clock";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { outboxFor } from "../setup/outbox";
import { REQUEST, identityForm, proofingLinkToken, walkToMobile } from "../setup/proofing";

let clock: TestClock;

beforeEach(async () => {
  await resetDb();
  clock = useTestClock();
});

afterEach(() => {
  vi.useRealTimers();
});

async function applicant() {
  const { user, credentialId } = await createActivatedCredential({ withProofing: true, now: clock.now() });
  return { userId: user.id, credentialId };
}

const caseOf = (credentialId: string) =>
  db().proofingCase.findFirstOrThrow({ where: { credentialId }, orderBy: { createdAt: "desc" } });

describe("the self-service step graph", () => {
  it("redirects a step whose predecessors are not done to the latest allowed one", async () => {
    const { userId, credentialId } = await applicant();
    expect(await getProofingStep(userId, credentialId, "identity", REQUEST)).toEqual({
      allowed: false,
      redirectTo: "country",
    });
    await selectProofingCountry(userId, { credentialId, country: "US" });
    expect(await getProofingStep(userId, credentialId, "terms", REQUEST)).toEqual({
      allowed: false,
      redirectTo: "method",
    });
    await expectDomainError(
      agreeToProofingTerms(userId, { credentialId }, REQUEST),
      "proofing.step_unavailable",
    );
  });

  it("offers only live video outside the United States", async () => {
    const { userId, credentialId } = await applicant();
    await getProofingStep(userId, credentialId, "country", REQUEST);
    await selectProofingCountry(userId, { credentialId, country: "GB" });
    const page = await getProofingStep(userId, credentialId, "method", REQUEST);
    expect(page.allowed && page.view.methods).toEqual(["LIVE_VIDEO"]);
    await expectDomainError(
      chooseProofingMethod(userId, { credentialId, method: "SELF_SERVICE" }),
      "proofing.method_unavailable",
    );
  });

  it("undoes the later answers when an earlier step is saved again", async () => {
    const { userId, credentialId } = await applicant();
    await walkToMobile(userId, credentialId, "123456789");
    await submitMobile(userId, { credentialId, mobile: nextPhone() }, REQUEST);
    expect((await caseOf(credentialId)).linkSentAt).not.toBeNull();

    await selectProofingCountry(userId, { credentialId, country: "US" });
    const after = await caseOf(credentialId);
    expect(after).toMatchObject({
      method: null,
      nameConfirmedAt: null,
      consentedAt: null,
      identityEncrypted: null,
      ssnEncrypted: null,
      identityOutcome: null,
      mobileEncrypted: null,
      linkSentAt: null,
      linkTokenHash: null,
    });
    expect(await getProofingStep(userId, credentialId, "capture", REQUEST)).toEqual({
      allowed: false,
      redirectTo: "method",
    });
  });

  it("each saved step names the page to go to next, from the saved case", async () => {
    const { userId, credentialId } = await applicant();
    await getProofingStep(userId, credentialId, "country", REQUEST);
    const input = { credentialId };
    expect(await selectProofingCountry(userId, { ...input, country: "US" })).toEqual({ next: "method" });
    expect(await chooseProofingMethod(userId, { ...input, method: "SELF_SERVICE" })).toEqual({
      next: "name",
    });
    expect(await confirmProofingName(userId, input)).toEqual({ next: "instructions" });
    expect(await startProofing(userId, input)).toEqual({ next: "terms" });
    expect(await agreeToProofingTerms(userId, input, REQUEST)).toEqual({ next: "identity" });
    expect(await submitIdentity(userId, identityForm(credentialId, "123456789"))).toEqual({ next: "mobile" });
    // Choosing the other method again undoes the self-service answers: the live video steps come next.
    await selectProofingCountry(userId, { ...input, country: "US" });
    expect(await chooseProofingMethod(userId, { ...input, method: "LIVE_VIDEO" })).toEqual({ next: "video" });
  });

  it("lets the user correct the name, audited, and confirm it again", async () => {
    const { userId, credentialId } = await applicant();
    await getProofingStep(userId, credentialId, "country", REQUEST);
    await selectProofingCountry(userId, { credentialId, country: "US" });
    await chooseProofingMethod(userId, { credentialId, method: "SELF_SERVICE" });
    expect(
      await correctProofingName(
        userId,
        { credentialId, firstName: "Avery", lastName: "Quinn-Smith" },
        REQUEST,
      ),
    ).toEqual({ next: "name" });
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.lastName).toBe("Quinn-Smith");
    expect((await caseOf(credentialId)).nameConfirmedAt).toBeNull();
    expect(
      await db().auditEvent.count({ where: { type: "PROOFING_NAME_CORRECTED", subjectUserId: userId } }),
    ).toBe(1);
  });

  it("records consent with its time and terms version", async () => {
    const { userId, credentialId } = await applicant();
    await walkToMobile(userId, credentialId, "123456789");
    const c = await caseOf(credentialId);
    expect(c.consentedAt).toEqual(clock.now());
    expect(c.consentVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("identity data", () => {
  it("refuses an applicant under 18 and accepts one who turns 18 today", async () => {
    const { userId, credentialId } = await applicant();
    await walkToMobile(userId, credentialId, "123456789");
    const today = clock.now().toISOString().slice(0, 10);
    const eighteenTomorrow = `${Number(today.slice(0, 4)) - 18}-12-02`;
    const eighteenToday = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
    const err = await expectDomainError(
      submitIdentity(userId, identityForm(credentialId, "123456789", { birthDate: eighteenTomorrow })),
      "proofing.too_young",
    );
    expect(err.details.fieldErrors).toHaveProperty("birthDate");
    await submitIdentity(userId, identityForm(credentialId, "123456789", { birthDate: eighteenToday }));
  });

  it("stores the SSN and identity only encrypted, with a keyed fingerprint and the last 4 digits", async () => {
    const { userId, credentialId } = await applicant();
    await walkToMobile(userId, credentialId, "123456789");
    const c = await caseOf(credentialId);
    expect(c.ssnEncrypted).not.toContain("123456789");
    expect(decrypt(c.ssnEncrypted!)).toBe("123456789");
    expect(c.ssnFingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(c.ssnLast4).toBe("6789");
    expect(c.identityEncrypted).not.toContain("Springfield");
    expect(JSON.parse(decrypt(c.identityEncrypted!))).toMatchObject({ city: "Springfield", state: "IL" });
  });

  it("an SSN proofed on another account fails like any check, after the check limit and an audit row; support sees why", async () => {
    const first = await applicant();
    await walkToMobile(first.userId, first.credentialId, "123456789");
    await db().proofingCase.updateMany({
      where: { credentialId: first.credentialId },
      data: { status: "PASSED" },
    });
    const second = await applicant();
    await walkToMobile(second.userId, second.credentialId, "123456789");
    const checksBefore = await db().auditEvent.count({
      where: { type: "PROOFING_IDENTITY_CHECKED", subjectUserId: second.userId },
    });
    // The step that takes the SSN answers nothing about it: the check says "not verified", as it would for
    // an SSN it cannot verify, so nobody learns whether an SSN is proofed elsewhere.
    const check = await submitMobile(
      second.userId,
      { credentialId: second.credentialId, mobile: nextPhone() },
      REQUEST,
    );
    expect(check).toMatchObject({ outcome: "NOT_VERIFIED", linkSent: false });
    const audit = await db().auditEvent.findMany({
      where: { type: "PROOFING_IDENTITY_CHECKED", subjectUserId: second.userId },
    });
    expect(audit).toHaveLength(checksBefore + 1);
    expect(audit.at(-1)).toMatchObject({ result: "FAILURE" });
    expect(
      await db().proofingCase.findFirstOrThrow({ where: { credentialId: second.credentialId } }),
    ).toMatchObject({
      status: "FAILED",
      failureReason: "ssn_in_use",
    });
    const limit = await db().rateLimit.findFirst({ where: { key: { contains: second.userId } } });
    expect(limit, "the check limit was spent").not.toBeNull();
  });
});

describe("the identity check", () => {
  it("verified: texts a proofing link with at least 128 random bits, valid 15 minutes", async () => {
    const { userId, credentialId } = await applicant();
    const mobile = nextPhone();
    await walkToMobile(userId, credentialId, "123456789");
    expect(await submitMobile(userId, { credentialId, mobile }, REQUEST)).toEqual({
      outcome: "VERIFIED",
      linkSent: true,
      next: "capture",
    });
    const token = await proofingLinkToken(mobile);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const c = await caseOf(credentialId);
    expect(c.linkTokenHash).not.toBe(token);
    expect(c.linkExpiresAt!.getTime() - clock.now().getTime()).toBe(15 * 60_000);
    expect(await getProofingStep(userId, credentialId, "capture", REQUEST)).toMatchObject({ allowed: true });
  });

  it("refuses a mobile number that is not a valid US number", async () => {
    const { userId, credentialId } = await applicant();
    await walkToMobile(userId, credentialId, "123456789");
    const err = await expectDomainError(
      submitMobile(userId, { credentialId, mobile: "+44 20 7946 0958" }, REQUEST),
      "proofing.mobile_invalid",
    );
    expect(err.details.fieldErrors).toHaveProperty("mobile");
    expect((await caseOf(credentialId)).identityOutcome).toBeNull();
  });

  it("needs KBA: three multiple-choice questions; right answers send the link", async () => {
    const { userId, credentialId } = await applicant();
    const mobile = nextPhone();
    await walkToMobile(userId, credentialId, "123456780");
    expect(await submitMobile(userId, { credentialId, mobile }, REQUEST)).toEqual({
      outcome: "KBA_REQUIRED",
      linkSent: false,
      next: "kba",
    });
    const page = await getProofingStep(userId, credentialId, "kba", REQUEST);
    expect(page.allowed && page.view.kbaQuestions?.length).toBe(3);
    await expectDomainError(
      answerKba(userId, { credentialId, answers: {} }, REQUEST),
      "proofing.kba_incomplete",
    );
    expect(await answerKba(userId, { credentialId, answers: LOCAL_KBA_ANSWERS }, REQUEST)).toEqual({
      passed: true,
      linkSent: true,
      next: "capture",
    });
    expect(await proofingLinkToken(mobile)).toBeTruthy();
  });

  it("needs KBA: a wrong answer fails the attempt", async () => {
    const { userId, credentialId } = await applicant();
    await walkToMobile(userId, credentialId, "123456780");
    await submitMobile(userId, { credentialId, mobile: nextPhone() }, REQUEST);
    const answers = { ...LOCAL_KBA_ANSWERS, street: "Maple Avenue" };
    expect(await answerKba(userId, { credentialId, answers }, REQUEST)).toEqual({
      passed: false,
      linkSent: false,
      next: "result",
    });
    expect(await caseOf(credentialId)).toMatchObject({ status: "FAILED", failureReason: "kba_failed" });
  });

  it("not verified: the attempt fails; after two failures only live video is offered, key kept", async () => {
    const { userId, credentialId } = await applicant();
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      if (attempt > 1) await startAttempt(userId, credentialId, REQUEST);
      await walkToMobile(userId, credentialId, "123456799");
      expect(await submitMobile(userId, { credentialId, mobile: nextPhone() }, REQUEST)).toEqual({
        outcome: "NOT_VERIFIED",
        linkSent: false,
        next: "result",
      });
    }
    const result = await getProofingStep(userId, credentialId, "result", REQUEST);
    expect(result.allowed && result.view).toMatchObject({
      status: "FAILED",
      failureReason: "identity_not_verified",
      methods: ["LIVE_VIDEO"],
      attemptsLeft: 1,
    });
    await startAttempt(userId, credentialId, REQUEST);
    await selectProofingCountry(userId, { credentialId, country: "US" });
    await expectDomainError(
      chooseProofingMethod(userId, { credentialId, method: "SELF_SERVICE" }),
      "proofing.method_unavailable",
    );
    const credential = await db().credential.findUniqueOrThrow({ where: { id: credentialId } });
    expect(credential.status).toBe("PROOFING_REQUIRED");
  });

  it("allows at most three proofing attempts per credential", async () => {
    const { userId, credentialId } = await applicant();
    await getProofingStep(userId, credentialId, "country", REQUEST);
    await db().proofingCase.updateMany({
      where: { credentialId },
      data: { status: "FAILED", method: "LIVE_VIDEO" },
    });
    await db().proofingCase.createMany({
      data: [1, 2].map(() => ({
        credentialId,
        userId,
        status: "FAILED" as const,
        method: "LIVE_VIDEO" as const,
      })),
    });
    await expectDomainError(startAttempt(userId, credentialId, REQUEST), "proofing.attempts_exhausted");
  });

  it("support grants one more attempt after the limit, self-service included; none while attempts are left", async () => {
    const { userId, credentialId } = await applicant();
    await getProofingStep(userId, credentialId, "country", REQUEST);
    const support = asStaff(await createUser({ role: "SUPPORT" }));
    const grant = () =>
      grantAnotherProofingAttempt(
        support,
        { userId, credentialId, reason: "Called in, ID checked", confirm: "on" },
        REQUEST,
      );
    await expectDomainError(grant(), "proofing.attempts_left");

    await db().proofingCase.updateMany({
      where: { credentialId },
      data: { status: "FAILED", method: "SELF_SERVICE" },
    });
    // Two self-service failures, then live video (the only method left) failed too.
    await db().proofingCase.createMany({
      data: (["SELF_SERVICE", "LIVE_VIDEO"] as const).map((method) => ({
        credentialId,
        userId,
        status: "FAILED" as const,
        method,
      })),
    });
    await expectDomainError(startAttempt(userId, credentialId, REQUEST), "proofing.attempts_exhausted");

    await grant();
    await startAttempt(userId, credentialId, REQUEST);
    await selectProofingCountry(userId, { credentialId, country: "US" });
    await chooseProofingMethod(userId, { credentialId, method: "SELF_SERVICE" });
    const page = await getProofingStep(userId, credentialId, "name", REQUEST);
    expect(page.allowed && page.view).toMatchObject({
      methods: ["SELF_SERVICE", "LIVE_VIDEO"],
      attemptsLeft: 1,
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "PROOFING_ATTEMPT_GRANTED" } });
    expect(audit).toMatchObject({ actorId: support.userId, subjectUserId: userId });
    expect(audit.detail).toMatchObject({ credentialId, reason: "Called in, ID checked" });
  });

  it("allows 10 SSN checks per hour per user", async () => {
    const { userId, credentialId } = await applicant();
    await walkToMobile(userId, credentialId, "123456780");
    for (let i = 0; i < 10; i += 1) {
      await submitIdentity(userId, identityForm(credentialId, "123456780"));
      await submitMobile(userId, { credentialId, mobile: nextPhone() }, REQUEST);
    }
    await submitIdentity(userId, identityForm(credentialId, "123456780"));
    const err = await expectDomainError(
      submitMobile(userId, { credentialId, mobile: nextPhone() }, REQUEST),
      "proofing.too_many_ssn_checks",
    );
    expect(err.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("sends at most 5 proofing links per 10 minutes", async () => {
    const { userId, credentialId } = await applicant();
    const mobile = nextPhone();
    await walkToMobile(userId, credentialId, "123456789");
    await submitMobile(userId, { credentialId, mobile }, REQUEST);
    for (let i = 0; i < 4; i += 1) await resendProofingLink(userId, { credentialId }, REQUEST);
    await expectDomainError(
      resendProofingLink(userId, { credentialId }, REQUEST),
      "proofing.too_many_link_sends",
    );
    expect((await outboxFor(mobile)).filter((m) => m.body.includes("/proof/"))).toHaveLength(5);
    clock.advance(10 * 60_000 + 1_000);
    await resendProofingLink(userId, { credentialId }, REQUEST);
  });

  it("keeps the verified result when the link cannot be texted, and sends it on request", async () => {
    const { userId, credentialId } = await applicant();
    await walkToMobile(userId, credentialId, "123456789");
    const failing = "+12025550199";
    expect(await submitMobile(userId, { credentialId, mobile: failing }, REQUEST)).toEqual({
      outcome: "VERIFIED",
      linkSent: false,
      next: "capture",
    });
    expect(await caseOf(credentialId)).toMatchObject({ identityOutcome: "VERIFIED", linkSentAt: null });
    expect(await getProofingStep(userId, credentialId, "capture", REQUEST)).toMatchObject({ allowed: true });
    await expectDomainError(
      resendProofingLink(userId, { credentialId }, REQUEST),
      "proofing.link_not_delivered",
    );
  });
});
