import { beforeEach, describe, expect, it } from "vitest";
import { sendExpiryReminders } from "@/lib/credentials/reminders";
import { createActivatedCredential } from "../factories/credential";
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
