import { beforeEach, describe, expect, it, vi } from "vitest";
import { sendExpiryReminders } from "@/lib/credentials/reminders";
import { releaseLapsedPhones, requiresPhoneOtp } from "@/lib/phones/service";
import { createCatalog } from "../factories/catalog";
import { createActivatedCredential, createActiveCredential } from "../factories/credential";
import { useTestClock } from "../setup/clock";
import { buyWithCard } from "../setup/purchase";
import { db, resetDb } from "../setup/db";
import { outboxFor } from "../setup/outbox";

// Expiry reminders by injected clock: 30, 7 and 1 days before, each once, even with several workers.

const DAY = 86_400_000;

beforeEach(async () => {
  await resetDb();
});

async function credential() {
  const { user, credentialId } = await createActivatedCredential();
  const { expiresAt } = await db().credential.findUniqueOrThrow({ where: { id: credentialId } });
  const daysBefore = (days: number) => new Date(expiresAt.getTime() - days * DAY);
  return { user, credentialId, expiresAt, daysBefore };
}

async function reminders(email: string) {
  return (await outboxFor(email)).filter((m) => m.subject?.startsWith("Your MAG credential expires"));
}

describe("expiry reminders", () => {
  it("sends 30, 7 and 1 days before, each once, with a Renew link into the store", async () => {
    const { user, credentialId, daysBefore } = await credential();

    expect(await sendExpiryReminders(daysBefore(31))).toBe(0);
    expect(await sendExpiryReminders(daysBefore(30))).toBe(1);
    expect(await sendExpiryReminders(daysBefore(29))).toBe(0);
    expect(await sendExpiryReminders(daysBefore(7))).toBe(1);
    expect(await sendExpiryReminders(daysBefore(6))).toBe(0);
    expect(await sendExpiryReminders(daysBefore(1))).toBe(1);
    expect(await sendExpiryReminders(daysBefore(0.5))).toBe(0);

    const sent = await reminders(user.email);
    expect(sent.map((m) => m.subject).reverse()).toEqual([
      "Your MAG credential expires in 30 days",
      "Your MAG credential expires in 7 days",
      "Your MAG credential expires tomorrow",
    ]);
    expect(sent[0]!.body).toContain(`/store?renew=${credentialId}`);
  });

  it("five workers at once send one email", async () => {
    const { user, daysBefore } = await credential();

    const counts = await Promise.all(Array.from({ length: 5 }, () => sendExpiryReminders(daysBefore(30))));

    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await reminders(user.email)).toHaveLength(1);
  });

  it("only the nearest threshold is sent when several are due at once", async () => {
    const { user, daysBefore } = await credential();

    expect(await sendExpiryReminders(daysBefore(5))).toBe(1);

    expect((await reminders(user.email)).map((m) => m.subject)).toEqual([
      "Your MAG credential expires in 5 days",
    ]);
  });

  it("after a renewal nothing more is sent for the old date; a revoked credential gets none", async () => {
    const renewed = await credential();
    expect(await sendExpiryReminders(renewed.daysBefore(30))).toBe(1);
    // Queued for the old date before the renewal, not sent yet.
    await db().credentialReminder.create({
      data: { credentialId: renewed.credentialId, expiresAt: renewed.expiresAt, daysBefore: 7 },
    });
    await db().credential.update({
      where: { id: renewed.credentialId },
      data: { expiresAt: new Date(renewed.expiresAt.getTime() + 365 * DAY) },
    });
    expect(await sendExpiryReminders(renewed.daysBefore(7))).toBe(0);
    expect(await sendExpiryReminders(renewed.daysBefore(1))).toBe(0);
    expect(await reminders(renewed.user.email)).toHaveLength(1);

    const revoked = await credential();
    await db().credential.update({ where: { id: revoked.credentialId }, data: { status: "REVOKED" } });
    expect(await sendExpiryReminders(revoked.daysBefore(7))).toBe(0);
    expect(await reminders(revoked.user.email)).toHaveLength(0);
  });
});

describe("an expired credential's phones", () => {
  async function expiredWithPhones() {
    const { user, credentialId } = await createActiveCredential({ phones: 2 });
    const { expiresAt } = await db().credential.findUniqueOrThrow({ where: { id: credentialId } });
    const daysAfter = (days: number) => new Date(expiresAt.getTime() + days * DAY);
    return { user, credentialId, daysAfter };
  }
  const releaseNotices = async (email: string) =>
    (await outboxFor(email)).filter((m) => m.subject?.includes("will be released"));

  it("are kept for 90 days (a warning at 60), then released once, audited, and the owner told", async () => {
    const { user, credentialId, daysAfter } = await expiredWithPhones();

    expect(await sendExpiryReminders(daysAfter(59))).toBe(0);
    expect(await releaseLapsedPhones(daysAfter(89))).toBe(0);
    expect(await requiresPhoneOtp(user.id)).toBe(true);
    expect(await sendExpiryReminders(daysAfter(60))).toBe(1);
    expect(await sendExpiryReminders(daysAfter(61))).toBe(0);
    const [notice] = await releaseNotices(user.email);
    expect(notice!.body).toContain(`/store?renew=${credentialId}`);

    const counts = await Promise.all([1, 2, 3].map(() => releaseLapsedPhones(daysAfter(90))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await db().phoneNumber.count({ where: { credentialId } })).toBe(0);
    expect(await requiresPhoneOtp(user.id)).toBe(false);
    expect((await db().credential.findUniqueOrThrow({ where: { id: credentialId } })).status).toBe(
      "PHONE_REGISTRATION_REQUIRED",
    );
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "PHONES_RELEASED" } });
    expect(audit).toMatchObject({ subjectUserId: user.id, detail: { credentialId, removed: 2 } });
    expect((await outboxFor(user.email)).filter((m) => m.subject?.includes("were released"))).toHaveLength(1);
  });

  it("stay when the credential is renewed within the 90 days", async () => {
    const { user, credentialId, daysAfter } = await expiredWithPhones();
    const catalog = await createCatalog();
    useTestClock(daysAfter(70));
    try {
      await buyWithCard(user, catalog.withoutProofing, { renew: credentialId, now: daysAfter(70) });
    } finally {
      vi.useRealTimers();
    }

    expect(await releaseLapsedPhones(daysAfter(91))).toBe(0);
    expect(await db().phoneNumber.count({ where: { credentialId } })).toBe(2);
    expect(await releaseNotices(user.email)).toHaveLength(0);
  });
});
