import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createActiveCredential } from "../factories/credential";
import { db, resetDb } from "../setup/db";

// eslint-disable-next-line no-restricted-properties -- the key tests/setup/integration.ts configured
const OLD_KEY = process.env.DATA_ENCRYPTION_KEY!;
const NEW_KEY = Buffer.alloc(32, 99).toString("base64");

/** The portal's modules as an instance configured with these keys loads them. */
async function configured(current: string, previous = "") {
  vi.resetModules();
  vi.stubEnv("DATA_ENCRYPTION_KEY", current);
  vi.stubEnv("DATA_ENCRYPTION_PREVIOUS_KEYS", previous);
  return {
    crypto: await import("@/lib/core/crypto"),
    keys: await import("@/lib/keys/service"),
  };
}

beforeEach(resetDb);
afterEach(() => vi.unstubAllEnvs());

describe("npm run keys:rotate", () => {
  it("re-seals every stored secret with the new key, after which the old key can be dropped", async () => {
    const { phones } = await createActiveCredential();
    const sealedBefore = (await db().phoneNumber.findFirstOrThrow()).e164Encrypted;

    const rotated = await configured(NEW_KEY, OLD_KEY);
    // Both keys configured: the old data still opens while it waits to be re-sealed.
    expect(rotated.crypto.decrypt(sealedBefore)).toBe(phones[0]!.e164);
    const counts = await rotated.keys.resealWithCurrentKey();
    expect(counts["phone_numbers.e164Encrypted"]).toBe(1);
    expect(counts["one_time_codes.targetEncrypted"]).toBeGreaterThan(0);
    // A second run has nothing left to do.
    const again = await rotated.keys.resealWithCurrentKey();
    expect(Object.values(again).every((n) => n === 0)).toBe(true);

    const newOnly = await configured(NEW_KEY);
    const sealedAfter = (await db().phoneNumber.findFirstOrThrow()).e164Encrypted;
    expect(sealedAfter).not.toBe(sealedBefore);
    expect(newOnly.crypto.decrypt(sealedAfter)).toBe(phones[0]!.e164);
    expect(() => newOnly.crypto.decrypt(sealedBefore)).toThrow(/not configured/);
  });

  it("does not overwrite a value a request changed while the rotation ran", async () => {
    await createActiveCredential();
    const rotated = await configured(NEW_KEY, OLD_KEY);
    const phone = await db().phoneNumber.findFirstOrThrow();
    const changed = rotated.crypto.encrypt("+12025550111");
    await db().phoneNumber.update({ where: { id: phone.id }, data: { e164Encrypted: changed } });
    await rotated.keys.resealWithCurrentKey();
    expect((await db().phoneNumber.findFirstOrThrow()).e164Encrypted).toBe(changed);
  });
});
