import { beforeEach, describe, expect, it } from "vitest";
import {
  activateLicenseKey,
  deliverPendingKeyEmails,
  listCredentials,
  wipeExpiredSealedKeys,
} from "@/lib/licensing/service";
import { resendLicenseKey } from "@/lib/licensing/key-support";
import { createCatalog } from "../factories/catalog";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { outboxFor } from "../setup/outbox";
import { buyWithCard, latestKeyFor } from "../setup/purchase";

let catalog: Awaited<ReturnType<typeof createCatalog>>;

beforeEach(async () => {
  await resetDb();
  catalog = await createCatalog();
});

describe("activating a license key", () => {
  it("creates a one-year credential that goes to phone registration, or to proofing when the product has it", async () => {
    const buyer = await createUser();
    await buyWithCard(buyer, catalog.withoutProofing);
    const now = new Date("2026-11-29T12:00:00Z");
    const plain = await activateLicenseKey(buyer.id, await latestKeyFor(buyer.email), fromIp(), now);
    expect(plain).toMatchObject({ status: "PHONE_REGISTRATION_REQUIRED", isUpgrade: false });

    await buyWithCard(buyer, catalog.withProofing);
    const proofed = await activateLicenseKey(buyer.id, await latestKeyFor(buyer.email), fromIp(), now);
    expect(proofed.status).toBe("PROOFING_REQUIRED");

    const credentials = await listCredentials(buyer.id, now);
    expect(credentials).toHaveLength(2);
    for (const c of credentials) expect(c.expiresAt.toISOString()).toBe("2027-11-29T12:00:00.000Z");
  });

  it("accepts the key typed in lower case, with spaces and with O for 0", async () => {
    const buyer = await createUser();
    await buyWithCard(buyer, catalog.withoutProofing);
    const key = await latestKeyFor(buyer.email);
    const sloppy = key.toLowerCase().replace(/-/g, " ").replace(/0/g, "o");
    await expect(activateLicenseKey(buyer.id, sloppy, fromIp())).resolves.toMatchObject({ isUpgrade: false });
  });

  it("an unused key may be given to someone else, and then belongs to them", async () => {
    const buyer = await createUser();
    const colleague = await createUser();
    await buyWithCard(buyer, catalog.withoutProofing);
    const key = await latestKeyFor(buyer.email);
    await activateLicenseKey(colleague.id, key, fromIp());
    expect(await listCredentials(colleague.id)).toHaveLength(1);
    expect(await listCredentials(buyer.id)).toHaveLength(0);
    await expectDomainError(activateLicenseKey(buyer.id, key, fromIp()), "licensing.key_used");
  });

  it.each([
    ["one user", 1],
    ["five users", 5],
  ])(
    "50 parallel activations of one key from %s: exactly one succeeds, 49 are told it is used",
    async (_label, users) => {
      const buyer = await createUser();
      await buyWithCard(buyer, catalog.withProofing);
      const key = await latestKeyFor(buyer.email);
      const people = await Promise.all(Array.from({ length: users }, () => createUser()));
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          activateLicenseKey(people[i % users]!.id, key, fromIp(`198.51.100.${i}`)),
        ),
      );
      const wins = results.filter((r) => r.status === "fulfilled");
      const losses = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(wins).toHaveLength(1);
      expect(losses.map((l) => (l.reason as { code?: string }).code)).toEqual(
        Array(49).fill("licensing.key_used"),
      );
      expect(await db().credential.count()).toBe(1);
      expect(await db().auditEvent.count({ where: { type: "LICENSE_KEY_ACTIVATED" } })).toBe(1);
    },
  );

  it("refuses a wrong key clearly and stops a guesser after 10 wrong keys, while others still get through", async () => {
    const guesser = await createUser();
    for (let i = 0; i < 10; i += 1) {
      await expectDomainError(
        activateLicenseKey(
          guesser.id,
          `ABCDE-FGHJK-MNPQR-STVWX-YZ${String(i).padStart(3, "0")}`,
          fromIp(`198.51.100.${i}`),
        ),
        "licensing.key_invalid",
      );
    }
    const locked = await expectDomainError(
      activateLicenseKey(guesser.id, "not a key", fromIp()),
      "licensing.too_many_attempts",
    );
    expect(locked.details.retryAfterSeconds).toBeGreaterThan(0);

    const buyer = await createUser();
    await buyWithCard(buyer, catalog.withoutProofing);
    await expect(
      activateLicenseKey(buyer.id, await latestKeyFor(buyer.email), fromIp()),
    ).resolves.toBeDefined();
  });

  it("support's re-send revokes the unused key; the new one works, and a used key cannot be re-sent", async () => {
    const buyer = await createUser();
    const support = await createUser({ role: "SUPPORT" });
    const orderId = await buyWithCard(buyer, catalog.withoutProofing);
    const first = await latestKeyFor(buyer.email);

    await resendLicenseKey(support.id, { orderId, reason: "Buyer lost the email", confirm: "on" }, fromIp());
    const second = await latestKeyFor(buyer.email);
    expect(second).not.toBe(first);
    await expectDomainError(activateLicenseKey(buyer.id, first, fromIp()), "licensing.key_revoked");
    await activateLicenseKey(buyer.id, second, fromIp());
    await expectDomainError(
      resendLicenseKey(support.id, { orderId, reason: "Buyer lost the email", confirm: "on" }, fromIp()),
      "licensing.key_used",
    );

    // Nothing stores a key in the clear: only hashes, hints and (until activation) an encrypted copy.
    const dump = JSON.stringify(await db().licenseKey.findMany(), (_k, v: unknown) =>
      typeof v === "bigint" ? String(v) : v,
    );
    for (const key of [first, second]) {
      expect(dump).not.toContain(key);
      expect(dump).not.toContain(key.replace(/-/g, ""));
    }
  });

  it("a key email claimed by a process that stopped before sending goes out once the claim ends", async () => {
    const buyer = await createUser();
    await buyWithCard(buyer, catalog.withoutProofing);
    const keyEmails = async () =>
      (await outboxFor(buyer.email)).filter((m) => m.subject?.startsWith("Your license key"));
    // As if a process had claimed the email and stopped before sending it.
    const claimEnds = new Date(Date.now() + 5 * 60_000);
    await db().licenseKey.updateMany({ data: { emailedAt: null, emailClaimedUntil: claimEnds } });

    expect(await deliverPendingKeyEmails()).toBe(0);
    expect(await deliverPendingKeyEmails(new Date(claimEnds.getTime() + 1000))).toBe(1);
    expect(await keyEmails()).toHaveLength(2);
    expect(await deliverPendingKeyEmails(new Date(claimEnds.getTime() + 2000))).toBe(0);
  });

  it("retries a key email that did not go out, once, and erases the sealed copy when its window closes", async () => {
    const buyer = await createUser();
    await buyWithCard(buyer, catalog.withoutProofing);
    const keyEmails = async () =>
      (await outboxFor(buyer.email)).filter((m) => m.subject?.startsWith("Your license key"));
    expect(await keyEmails()).toHaveLength(1);

    // As if the process had stopped between the payment's commit and the email.
    await db().licenseKey.updateMany({ data: { emailedAt: null } });
    const [a, b] = await Promise.all([deliverPendingKeyEmails(), deliverPendingKeyEmails()]);
    expect(a + b).toBe(1);
    expect(await keyEmails()).toHaveLength(2);
    expect(await deliverPendingKeyEmails()).toBe(0);

    expect(await wipeExpiredSealedKeys(new Date(Date.now() + 25 * 3_600_000))).toBe(1);
    expect(await db().licenseKey.count({ where: { sealedKey: { not: null } } })).toBe(0);
    // The key still activates: only its encrypted copy is gone, the hash remains.
    await expect(
      activateLicenseKey(buyer.id, await latestKeyFor(buyer.email), fromIp()),
    ).resolves.toBeDefined();
  });
});
