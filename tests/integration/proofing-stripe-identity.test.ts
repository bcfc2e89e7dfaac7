import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/core/env";
import { createActivatedCredential, nextPhone } from "../factories/credential";
import { stripeEvent } from "../fakes/stripe-events";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe-server";
import type { VerificationOutcome } from "../fakes/stripe-identity";
import { db, resetDb } from "../setup/db";
import { outboxFor } from "../setup/outbox";
import { identityForm, proofingLinkToken, REQUEST } from "../setup/proofing";
import { clearStripeEnv, deliver, loadPortal, stripeEnv, type Portal } from "../setup/stripe";

// Self-service proofing with STRIPE_IDENTITY=true, through the real Stripe SDK against the loopback fake: the
// identity step opens a VerificationSession (document, matching selfie, SSN), the texted link leads to Stripe's
// hosted capture, and the identity.verification_session.* webhooks decide the case.

let fake: FakeStripe;
let portal: Portal;
let proofing: typeof import("@/lib/proofing/service");
let capture: typeof import("@/lib/proofing/capture-service");
let retention: typeof import("@/lib/proofing/provider-retention");

beforeAll(async () => {
  // The factories (this file's own module copy) buy credentials with the local card processor: their copy reads
  // its settings now, before Stripe's are set for the portal's copy.
  env();
  fake = await startFakeStripe();
  portal = await loadPortal({ ...stripeEnv(fake), STRIPE_IDENTITY: "true" });
  // The same fresh module copy as the portal's (loadPortal reset the registry).
  proofing = await import("@/lib/proofing/service");
  capture = await import("@/lib/proofing/capture-service");
  retention = await import("@/lib/proofing/provider-retention");
});

afterAll(async () => {
  clearStripeEnv();
  await fake.close();
});

beforeEach(async () => {
  await resetDb();
  fake.reset();
});

const SESSIONS = "/v1/identity/verification_sessions";
const NOTICE = "Your identity was verified for your MAG phone OTP credential";

/** An applicant through the identity and mobile steps: the session is open and the link texted. */
async function applicant(ssn = "123456789") {
  const { user, credentialId } = await createActivatedCredential({ withProofing: true });
  const step = { credentialId };
  await proofing.getProofingStep(user.id, credentialId, "country", REQUEST);
  await proofing.selectProofingCountry(user.id, { credentialId, country: "US" });
  await proofing.chooseProofingMethod(user.id, { credentialId, method: "SELF_SERVICE" });
  await proofing.confirmProofingName(user.id, step);
  await proofing.startProofing(user.id, step);
  await proofing.agreeToProofingTerms(user.id, step, REQUEST);
  await proofing.submitIdentity(user.id, identityForm(credentialId, ssn));
  const mobile = nextPhone();
  const result = await proofing.submitMobile(user.id, { credentialId, mobile }, REQUEST);
  const row = await db().proofingCase.findFirstOrThrow({ where: { credentialId } });
  return { user, credentialId, mobile, result, caseId: row.id, sessionId: row.providerSessionId! };
}

function caseOf(caseId: string) {
  return db().proofingCase.findUniqueOrThrow({ where: { id: caseId } });
}

describe("self-service proofing with Stripe Identity", () => {
  it("opens a document session with a matching selfie and the SSN, skips KBA, and the texted link leads to Stripe's capture", async () => {
    const { mobile, result, caseId, sessionId } = await applicant("123456780"); // the local bureau's KBA identity

    expect(result).toMatchObject({ outcome: "VERIFIED", linkSent: true, next: "capture" });
    expect(fake.requests.filter((r) => r.path === SESSIONS)).toMatchObject([
      {
        idempotencyKey: `proofing-${caseId}-verification`,
        params: {
          type: "document",
          metadata: { caseId },
          options: { document: { require_matching_selfie: "true", require_id_number: "true" } },
          return_url: "http://127.0.0.1:3100/proof/verified",
        },
      },
    ]);
    // Nothing of the applicant's identity data goes to Stripe's API: the phone gives Stripe the document.
    expect(JSON.stringify(fake.requests)).not.toMatch(/123456780|Quinn/);

    const secret = await capture.startCapture(await proofingLinkToken(mobile), REQUEST);
    expect(await capture.providerCaptureUrl(secret)).toBe(fake.identity.session(sessionId).url);
  });

  it("a verified session proofs the credential, keeps the check summary and no image, and sends the notice", async () => {
    const { user, credentialId, caseId, sessionId } = await applicant();

    expect((await deliver(portal, fake.identity.complete(sessionId, "verified"))).status).toBe(200);

    const decided = await caseOf(caseId);
    expect(decided).toMatchObject({ status: "PASSED", failureReason: null });
    expect(decided.evidenceSummary).toMatchObject({
      identity: "stripe_identity",
      kba: "not_offered",
      documents: "passed",
      checks: expect.stringContaining("document_type:driving_license") as string,
    });
    const credential = await db().credential.findUniqueOrThrow({ where: { id: credentialId } });
    expect(credential.status).toBe("PHONE_REGISTRATION_REQUIRED");
    expect(await db().proofingImage.count()).toBe(0);
    expect((await outboxFor(user.email)).filter((m) => m.subject === NOTICE)).toHaveLength(1);
    expect(await proofing.isProofingDecided(user.id, { credentialId })).toBe(true);
  });

  it.each([
    ["document_unverified", "document_unverified"],
    ["document_expired", "document_expired"],
    ["selfie_mismatch", "selfie_mismatch"],
    ["ssn_mismatch", "ssn_mismatch"],
  ] as [VerificationOutcome, string][])(
    "a session that needs new input (%s) fails this attempt as %s, and Stripe's session is closed",
    async (outcome, reason) => {
      const { user, credentialId, caseId, sessionId } = await applicant();

      expect((await deliver(portal, fake.identity.complete(sessionId, outcome))).status).toBe(200);

      expect(await caseOf(caseId)).toMatchObject({ status: "FAILED", failureReason: reason });
      expect(fake.identity.session(sessionId).status).toBe("canceled");
      const page = await proofing.getProofingStep(user.id, credentialId, "result", REQUEST);
      expect(page.allowed && page.view.attemptsLeft).toBe(2);
    },
  );

  it("a session the applicant canceled on Stripe's page fails this attempt", async () => {
    const { caseId, sessionId } = await applicant();
    const canceled = { ...fake.identity.session(sessionId), status: "canceled" };

    await deliver(portal, stripeEvent("identity.verification_session.canceled", canceled));

    expect(await caseOf(caseId)).toMatchObject({ status: "FAILED", failureReason: "canceled" });
  });

  it("applies 5 parallel copies of one verified event once, and a late requires_input changes nothing", async () => {
    const { user, caseId, sessionId } = await applicant();
    const verified = fake.identity.complete(sessionId, "verified");

    const replies = await Promise.all(Array.from({ length: 5 }, () => deliver(portal, verified)));
    const late = { ...fake.identity.session(sessionId), status: "requires_input" };
    await deliver(portal, stripeEvent("identity.verification_session.requires_input", late));

    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await caseOf(caseId)).toMatchObject({ status: "PASSED" });
    expect(await db().auditEvent.count({ where: { type: "PROOFING_PASSED", subjectUserId: user.id } })).toBe(
      1,
    );
    expect((await outboxFor(user.email)).filter((m) => m.subject === NOTICE)).toHaveLength(1);
  });

  it("finds the case by its metadata when the event arrives before our row saved the session", async () => {
    const { caseId, sessionId } = await applicant();
    await db().proofingCase.update({ where: { id: caseId }, data: { providerSessionId: null } });

    await deliver(portal, fake.identity.complete(sessionId, "verified"));

    expect(await caseOf(caseId)).toMatchObject({ status: "PASSED" });
  });

  it("acknowledges a session of no case of ours without changing anything", async () => {
    const { caseId, sessionId } = await applicant();
    const stranger = {
      ...fake.identity.session(sessionId),
      id: "vs_unknown",
      metadata: { caseId: "00000000-0000-4000-8000-000000000000" },
    };

    const reply = await deliver(portal, stripeEvent("identity.verification_session.verified", stranger));

    expect(reply).toEqual({ status: 200, body: { received: true } });
    expect(await caseOf(caseId)).toMatchObject({ status: "IN_PROGRESS" });
  });

  it("asks Stripe to redact a session 30 days after the decision, once", async () => {
    const { caseId, sessionId } = await applicant();
    await deliver(portal, fake.identity.complete(sessionId, "verified"));
    const decidedAt = (await caseOf(caseId)).decidedAt!;

    expect(await retention.redactDecidedSessions(new Date(decidedAt.getTime() + 29 * 86_400_000))).toBe(0);
    const later = new Date(decidedAt.getTime() + 31 * 86_400_000);
    expect(await retention.redactDecidedSessions(later)).toBe(1);
    expect(await retention.redactDecidedSessions(later)).toBe(0);

    expect(fake.identity.session(sessionId).redaction).toEqual({ status: "redacted" });
    expect(await caseOf(caseId)).toMatchObject({ providerRedactedAt: later });
  });
});
