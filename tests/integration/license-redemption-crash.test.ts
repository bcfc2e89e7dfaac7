import { beforeEach, describe, expect, it } from "vitest";
import { activateLicenseKey, listCredentials } from "@/lib/licensing/service";
import { createCatalog } from "../factories/catalog";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { db, resetDb } from "../setup/db";
import { isKilled, runDoomedChild } from "../setup/doomed-process";
import { expectDomainError } from "../setup/errors";
import { buyWithCard, latestKeyFor } from "../setup/purchase";

// A portal process killed (kill -9) while it activates a license key (reliability case F2): afterwards the
// key is either unused, with nothing written, or fully bound to one credential; never half of it.

let catalog: Awaited<ReturnType<typeof createCatalog>>;

beforeEach(async () => {
  await resetDb();
  catalog = await createCatalog();
});

async function boughtKey() {
  const buyer = await createUser();
  await buyWithCard(buyer, catalog.withoutProofing);
  const key = await latestKeyFor(buyer.email);
  const { id: keyId } = await db().licenseKey.findFirstOrThrow({
    where: { order: { userId: buyer.id } },
    select: { id: true },
  });
  return { buyer, key, keyId };
}

/** Every row an activation writes, for one key: the key itself, credentials and the audit trail. */
async function redemption(keyId: string, userId: string) {
  const key = await db().licenseKey.findUniqueOrThrow({
    where: { id: keyId },
    select: { status: true, activatedByUserId: true, activatedAt: true },
  });
  return {
    key,
    credentialsForKey: await db().credential.count({ where: { licenseKeyId: keyId } }),
    credentialsOfUser: await db().credential.count({ where: { userId } }),
    activatedAudits: await db().auditEvent.count({
      where: { type: "LICENSE_KEY_ACTIVATED", result: "SUCCESS" },
    }),
  };
}

const unused = { status: "UNUSED", activatedByUserId: null, activatedAt: null };
const untouched = { key: unused, credentialsForKey: 0, credentialsOfUser: 0, activatedAudits: 0 };

const activateInDoomedProcess = (crashAt: string, userId: string, key: string) =>
  runDoomedChild("tests/fakes/redemption-crash-child.ts", crashAt, { userId, key });

describe("a portal process killed while activating a license key", { timeout: 40_000 }, () => {
  it("activates the key normally when nothing kills it (the harness works)", async () => {
    const { buyer, key, keyId } = await boughtKey();

    const exit = await activateInDoomedProcess("", buyer.id, key);

    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(JSON.parse(exit.stdout)).toMatchObject({
      status: "PHONE_REGISTRATION_REQUIRED",
      isUpgrade: false,
    });
    expect(await redemption(keyId, buyer.id)).toMatchObject({
      key: { status: "ACTIVATED", activatedByUserId: buyer.id },
      credentialsForKey: 1,
      credentialsOfUser: 1,
      activatedAudits: 1,
    });
  });

  it.each(["after-claim", "after-credential"])(
    "leaves the key unused with no credential when killed inside the transaction (%s); a retry activates it once",
    async (crashAt) => {
      const { buyer, key, keyId } = await boughtKey();

      const exit = await activateInDoomedProcess(crashAt, buyer.id, key);

      expect(isKilled(exit)).toBe(true);
      expect(exit.stderr).toContain(`failpoint ${crashAt}`);
      expect(exit.stdout).toBe("");
      // PostgreSQL rolls back a transaction whose connection died: the key row's lock is gone with it.
      expect(await redemption(keyId, buyer.id)).toEqual(untouched);

      const retried = await activateLicenseKey(buyer.id, key, fromIp());
      expect(retried.status).toBe("PHONE_REGISTRATION_REQUIRED");
      expect(await redemption(keyId, buyer.id)).toMatchObject({
        key: { status: "ACTIVATED", activatedByUserId: buyer.id },
        credentialsForKey: 1,
        credentialsOfUser: 1,
        activatedAudits: 1,
      });
    },
  );

  it("keeps the whole activation when killed after the commit; the retry is told the key is used and adds nothing", async () => {
    const { buyer, key, keyId } = await boughtKey();

    const exit = await activateInDoomedProcess("before-reply", buyer.id, key);

    expect(isKilled(exit)).toBe(true);
    expect(exit.stdout).toBe("");
    const bound = {
      key: { status: "ACTIVATED", activatedByUserId: buyer.id },
      credentialsForKey: 1,
      credentialsOfUser: 1,
      activatedAudits: 1,
    };
    expect(await redemption(keyId, buyer.id)).toMatchObject(bound);

    await expectDomainError(activateLicenseKey(buyer.id, key, fromIp()), "licensing.key_used");
    expect(await redemption(keyId, buyer.id)).toMatchObject(bound);
    expect(await listCredentials(buyer.id)).toHaveLength(1);
  });
});
