import { beforeEach, describe, expect, it } from "vitest";
import { closeAccount, reopenAccount } from "@/lib/accounts/closing";
import { signInWithPassword } from "@/lib/accounts/service";
import { activateLicenseKey } from "@/lib/licensing/service";
import { eraseClosedAccounts } from "@/lib/privacy/erasure";
import { resolveSession } from "@/lib/sessions/service";
import { createCatalog } from "../factories/catalog";
import { createActiveCredential, nextPhone, sessionOf } from "../factories/credential";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { createUser, TEST_PASSWORD } from "../factories/user";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { waitForEmail } from "../setup/outbox";
import { passSelfServiceProofing, REQUEST } from "../setup/proofing";
import { buyWithCard, latestKeyFor } from "../setup/purchase";

beforeEach(resetDb);

const DAY = 24 * 3_600_000;

/** A partner's grant and the refresh token issued under it, as oidc-provider stores them. */
async function partnerGrant(userId: string) {
  const grantId = `grant-${userId}`;
  await db().oidcPayload.createMany({
    data: [
      {
        key: `Grant:${grantId}`,
        model: "Grant",
        payload: { jti: grantId, accountId: userId, clientId: "partner", iat: 1 },
      },
      {
        key: `RefreshToken:rt-${userId}`,
        model: "RefreshToken",
        grantId,
        payload: { jti: `rt-${userId}`, accountId: userId, grantId },
      },
    ],
  });
}

/** A user with an active credential (phones), a proofed second credential (SSN) and a partner's grant. */
async function closableUser() {
  const owner = await createActiveCredential({ phones: 1 });
  const catalog = await createCatalog();
  await buyWithCard(owner.user, catalog.withProofing);
  const key = await latestKeyFor(owner.user.email);
  const { credentialId } = await activateLicenseKey(owner.user.id, key, REQUEST, new Date());
  await passSelfServiceProofing(owner.user.id, credentialId, nextPhone(), "123456789");
  await partnerGrant(owner.user.id);
  return owner;
}

describe("closing an account", () => {
  it("with the password and a fresh phone code: credentials revoked, partners and sessions cut off, owner emailed", async () => {
    const owner = await closableUser();
    const other = await createSignedInSession(owner.user.id);
    const closedAt = new Date();
    await closeAccount(await sessionOf(owner.sessionId), TEST_PASSWORD, fromIp(), closedAt);

    const user = await db().user.findUniqueOrThrow({ where: { id: owner.user.id } });
    expect(user.status).toBe("CLOSED");
    const credentials = await db().credential.findMany({ where: { userId: owner.user.id } });
    expect(credentials.map((c) => c.status)).toEqual(["REVOKED", "REVOKED"]);
    expect(await resolveSession(owner.sessionId, new Date())).toBeNull();
    expect(await resolveSession(other, new Date())).toBeNull();
    expect(await db().oidcPayload.count()).toBe(0);
    expect((await waitForEmail(owner.user.email, "Your MAG account is closed")).body).toContain("erased on");
    expect(await db().auditEvent.count({ where: { type: "ACCOUNT_CLOSED", result: "SUCCESS" } })).toBe(1);
  });

  it("refuses a wrong password, a stale phone code and staff, and changes nothing", async () => {
    const owner = await createActiveCredential({ phones: 1 });
    const session = await sessionOf(owner.sessionId);
    await expectDomainError(
      closeAccount(session, "not the password", fromIp()),
      "accounts.current_password_incorrect",
    );
    const later = new Date(Date.now() + 21 * 60_000);
    await expectDomainError(closeAccount(session, TEST_PASSWORD, fromIp(), later), "auth.step_up_required");
    const support = await createUser({ role: "SUPPORT" });
    await expectDomainError(
      closeAccount({ userId: support.id, role: "SUPPORT", otpAt: new Date() }, TEST_PASSWORD, fromIp()),
      "accounts.staff_cannot_close",
    );
    expect((await db().user.findMany({ where: { status: "CLOSED" } })).length).toBe(0);
    expect((await db().credential.findUniqueOrThrow({ where: { id: owner.credentialId } })).status).toBe(
      "ACTIVE",
    );
  });

  it("signing in within 30 days offers to reopen it; the offer lasts 10 minutes", async () => {
    const user = await createUser();
    const session = await sessionOf(await createSignedInSession(user.id));
    await closeAccount(session, TEST_PASSWORD, fromIp());
    await expectDomainError(
      signInWithPassword({ login: user.email, password: "not the password" }, fromIp()),
      "accounts.invalid_credentials",
    );
    const offer = await signInWithPassword({ login: user.email, password: TEST_PASSWORD }, fromIp());
    if (offer.kind !== "closed") throw new Error(`expected the reopen offer, got ${offer.kind}`);
    await expectDomainError(
      reopenAccount(offer.reopenToken, fromIp(), new Date(Date.now() + 11 * 60_000)),
      "accounts.reopen_expired",
    );
    await expectDomainError(reopenAccount(`${offer.reopenToken}x`, fromIp()), "accounts.reopen_expired");
    await reopenAccount(offer.reopenToken, fromIp());
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("ACTIVE");
    expect((await signInWithPassword({ login: user.email, password: TEST_PASSWORD }, fromIp())).kind).toBe(
      "session",
    );
  });
});

describe("erasing closed accounts", () => {
  it("after 30 days overwrites the profile and deletes phones, SSN and verification; orders and audit rows stay", async () => {
    const owner = await closableUser();
    const closedAt = new Date(Date.now() - 31 * DAY);
    await closeAccount(await sessionOf(owner.sessionId, closedAt), TEST_PASSWORD, fromIp(), closedAt);
    const recent = await createUser();
    await closeAccount(await sessionOf(await createSignedInSession(recent.id)), TEST_PASSWORD, fromIp());
    const auditRows = await db().auditEvent.count({ where: { subjectUserId: owner.user.id } });

    // Three workers at once erase it once.
    const counts = await Promise.all([1, 2, 3].map(() => eraseClosedAccounts()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);

    const erased = await db().user.findUniqueOrThrow({ where: { id: owner.user.id } });
    expect(erased.erasedAt).not.toBeNull();
    const personal = JSON.stringify(erased);
    for (const value of [owner.user.email, owner.user.username, owner.user.firstName, owner.user.lastName]) {
      expect(personal).not.toContain(value);
    }
    expect(await db().phoneNumber.count({ where: { userId: owner.user.id } })).toBe(0);
    expect(await db().identityVerification.count({ where: { userId: owner.user.id } })).toBe(0);
    const cases = await db().proofingCase.findMany({ where: { userId: owner.user.id } });
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect([c.ssnEncrypted, c.ssnFingerprint, c.ssnLast4, c.identityEncrypted, c.mobileEncrypted]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
      // What the person agreed to, and when, is kept (reliability case D2).
      expect(c.consentedAt).not.toBeNull();
    }
    expect(await db().order.count({ where: { userId: owner.user.id } })).toBeGreaterThan(0);
    expect(await db().auditEvent.count({ where: { subjectUserId: owner.user.id } })).toBe(auditRows + 1);
    expect((await db().user.findUniqueOrThrow({ where: { id: recent.id } })).erasedAt).toBeNull();

    // The address is free again, and the erased account cannot be signed in to nor reopened.
    await expectDomainError(
      signInWithPassword({ login: owner.user.email, password: TEST_PASSWORD }, fromIp()),
      "accounts.invalid_credentials",
    );
    await createUser({ email: owner.user.email });
  });
});
