import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { updateProfile } from "@/lib/accounts/service";
import { changeLegalIdentity } from "@/lib/admin/service";
import { activateLicenseKey } from "@/lib/licensing/service";
import { currentVerification } from "@/lib/proofing/verification-service";
import { createCatalog } from "../factories/catalog";
import { createActivatedCredential, createActiveCredential, nextPhone } from "../factories/credential";
import { asStaff } from "../factories/staff";
import { createUser } from "../factories/user";
import { useTestClock, type TestClock } from "../setup/clock";
import { databaseText } from "../setup/database-text";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { passSelfServiceProofing, REQUEST } from "../setup/proofing";
import { buyWithCard, latestKeyFor } from "../setup/purchase";

// A passed proofing is kept on the person for 3 years: another credential "with proofing" or an upgrade reuses
// it, until it lapses or support records a change of legal name or date of birth. The name is then locked.

let clock: TestClock;
const DAY = 24 * 60 * 60_000;

beforeEach(async () => {
  await resetDb();
  clock = useTestClock(new Date("2026-12-01T12:00:00.000Z"));
});

afterEach(() => {
  vi.useRealTimers();
});

/** A user whose first credential passed self-service proofing now. */
async function proofedUser(ssn: string) {
  const { user, credentialId } = await createActivatedCredential({ withProofing: true, now: clock.now() });
  await passSelfServiceProofing(user.id, credentialId, nextPhone(), ssn);
  return { user, credentialId };
}

/** Buys and activates another product for `user` at `now`; returns the activation. */
async function buyAndActivate(
  user: { id: string; email: string },
  product: "withProofing" | "upgrade",
  now: Date,
) {
  const catalog = await createCatalog();
  await buyWithCard(user, catalog[product], { now: clock.now() });
  return activateLicenseKey(user.id, await latestKeyFor(user.email), REQUEST, now);
}

describe("proofing that carries over", () => {
  it("a second credential with proofing is proofed on activation by the first one's verification", async () => {
    const { user } = await proofedUser("123456789");
    const verification = await db().identityVerification.findFirstOrThrow({ where: { userId: user.id } });
    expect(verification).toMatchObject({ method: "SELF_SERVICE", level: "IAL2", verifiedAt: clock.now() });
    // eslint-disable-next-line no-restricted-properties -- the test database's URL, set by scripts/test-db.ts
    expect(await databaseText(process.env.DATABASE_URL!)).not.toContain("1988-04-12");

    const later = new Date(clock.now().getTime() + 200 * DAY);
    const second = await buyAndActivate(user, "withProofing", later);
    expect(second.status).toBe("PHONE_REGISTRATION_REQUIRED");
    const credential = await db().credential.findUniqueOrThrow({ where: { id: second.credentialId } });
    expect(credential.proofedAt).toEqual(verification.verifiedAt);
    expect(await db().proofingCase.count({ where: { credentialId: second.credentialId } })).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "PROOFING_REUSED" } });
    expect(audit).toMatchObject({
      subjectUserId: user.id,
      detail: expect.objectContaining({ method: "SELF_SERVICE" }) as unknown,
    });
  });

  it("holds for 3 years: a day later the new credential needs proofing again", async () => {
    const { user } = await proofedUser("223456789");
    const lastDay = new Date("2029-12-01T11:59:00.000Z");
    expect(await currentVerification(user.id, lastDay)).not.toBeNull();
    const dayAfter = new Date("2029-12-02T12:00:00.000Z");
    expect(await currentVerification(user.id, dayAfter)).toBeNull();
    expect((await buyAndActivate(user, "withProofing", dayAfter)).status).toBe("PROOFING_REQUIRED");
  });

  it("an upgrade of an unproofed credential is applied at once", async () => {
    const { user, credentialId: unproofed } = await createActiveCredential({ now: clock.now() });
    const catalog = await createCatalog();
    await buyWithCard(user, catalog.withProofing, { now: clock.now() });
    const proofedOne = await activateLicenseKey(
      user.id,
      await latestKeyFor(user.email),
      REQUEST,
      clock.now(),
    );
    await passSelfServiceProofing(user.id, proofedOne.credentialId, nextPhone(), "323456789");

    const upgrade = await buyAndActivate(user, "upgrade", clock.now());
    expect(upgrade).toMatchObject({ credentialId: unproofed, isUpgrade: true, status: "ACTIVE" });
    expect((await db().credential.findUniqueOrThrow({ where: { id: unproofed } })).proofedAt).not.toBeNull();
  });

  it("after support records a change of date of birth, the next credential proofs again", async () => {
    const { user } = await proofedUser("423456789");
    const support = await createUser({ role: "SUPPORT" });
    await changeLegalIdentity(
      asStaff(support),
      {
        userId: user.id,
        firstName: user.firstName,
        lastName: user.lastName,
        birthDateChanged: "on",
        reason: "Date of birth was mistyped at registration; passport seen on video.",
        confirm: "on",
      },
      REQUEST,
    );
    expect(await currentVerification(user.id)).toBeNull();
    expect((await buyAndActivate(user, "withProofing", clock.now())).status).toBe("PROOFING_REQUIRED");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "IDENTITY_CHANGED" } });
    expect(audit.detail).toMatchObject({ birthDateChanged: true, nameChanged: false, superseded: 1 });
  });
});

describe("renewing a proofed credential", () => {
  async function renewAt(user: { id: string; email: string }, credentialId: string, at: string) {
    vi.setSystemTime(new Date(at));
    const catalog = await createCatalog();
    await buyWithCard(user, catalog.withProofing, { renew: credentialId, now: clock.now() });
    return db().credential.findUniqueOrThrow({ where: { id: credentialId } });
  }

  it("keeps its proofing within 3 years, and proofs again after (its phones stay)", async () => {
    const { user, credentialId } = await proofedUser("623456789");
    const kept = await renewAt(user, credentialId, "2027-11-20T12:00:00.000Z");
    expect(kept).toMatchObject({
      status: "PHONE_REGISTRATION_REQUIRED",
      proofedAt: new Date("2026-12-01T12:00:00.000Z"),
    });

    // Two more terms on, the next renewal falls more than 3 years after the proofing.
    await db().credential.update({
      where: { id: credentialId },
      data: { expiresAt: new Date("2029-12-15T12:00:00.000Z") },
    });
    const lapsed = await renewAt(user, credentialId, "2029-12-05T12:00:00.000Z");
    expect(lapsed).toMatchObject({ status: "PROOFING_REQUIRED", proofedAt: null });
  });
});

describe("the name of a proofed person", () => {
  it("cannot be edited on the profile; support changes it with a reason, which voids the verification", async () => {
    const { user } = await proofedUser("523456789");
    const profile = { firstName: "Someone", lastName: "Else", country: "US" };
    await expectDomainError(updateProfile(user.id, profile, REQUEST), "accounts.name_locked");
    // The country is not part of the verified identity.
    await updateProfile(
      user.id,
      { firstName: user.firstName, lastName: user.lastName, country: "CA" },
      REQUEST,
    );

    const support = await createUser({ role: "SUPPORT" });
    const change = { userId: user.id, firstName: "Avery", lastName: "Quinn-Lee", confirm: "on" as const };
    await expectDomainError(
      changeLegalIdentity(
        asStaff(support),
        {
          ...change,
          lastName: user.lastName,
          firstName: user.firstName,
          reason: "Nothing changed at all here.",
        },
        REQUEST,
      ),
      "admin.identity_unchanged",
    );
    await changeLegalIdentity(
      asStaff(support),
      { ...change, reason: "Marriage certificate shown." },
      REQUEST,
    );
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      lastName: "Quinn-Lee",
    });
    expect(await currentVerification(user.id)).toBeNull();
  });

  it("stays editable for someone never proofed", async () => {
    const user = await createUser();
    await updateProfile(user.id, { firstName: "New", lastName: "Name", country: "US" }, REQUEST);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ firstName: "New" });
  });
});
