import { createCipheriv, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

/* eslint-disable no-restricted-properties -- env() is read lazily and cached; it must see these first */
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
process.env.AUTH_SECRET ??= "unit-test-auth-secret-0123456789abcdefghij";
process.env.TOKEN_PEPPER ??= "unit-test-token-pepper-0123456789abcdefghij";
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 3).toString("base64");
/* eslint-enable no-restricted-properties */

let crypto: typeof import("@/lib/core/crypto");
beforeAll(async () => {
  crypto = await import("@/lib/core/crypto");
});

/** Flips one bit of the byte at `index` of a base64url string's decoded form. */
function flipByte(sealed: string, index: number): string {
  const raw = Buffer.from(sealed, "base64url");
  raw[index] = raw[index]! ^ 0x01;
  return raw.toString("base64url");
}

describe("encrypt / decrypt", () => {
  it("round-trips text, including non-ASCII and empty strings", () => {
    for (const text of ["+12025550143", "Zoë — 東京 🚀", ""]) {
      expect(crypto.decrypt(crypto.encrypt(text))).toBe(text);
    }
  });

  it("never produces the same ciphertext twice, so equal values cannot be spotted", () => {
    expect(crypto.encrypt("+12025550143")).not.toBe(crypto.encrypt("+12025550143"));
  });

  it("does not contain the plaintext", () => {
    const sealed = crypto.encrypt("+12025550143");
    expect(Buffer.from(sealed, "base64url").toString("latin1")).not.toContain("2025550143");
  });

  it("refuses a tampered key id, IV, tag or ciphertext", () => {
    const sealed = crypto.encrypt("+12025550143");
    const keyIdByte = 2;
    const ivByte = 6;
    const tagByte = 6 + 12;
    const bodyByte = 6 + 12 + 16;
    for (const index of [keyIdByte, ivByte, tagByte, bodyByte]) {
      expect(() => crypto.decrypt(flipByte(sealed, index))).toThrow();
    }
  });

  it("refuses a truncated ciphertext", () => {
    const sealed = crypto.encrypt("+12025550143");
    expect(() => crypto.decrypt(sealed.slice(0, 20))).toThrow();
  });
});

const KEY_1 = Buffer.alloc(32, 11).toString("base64");
const KEY_2 = Buffer.alloc(32, 22).toString("base64");

/** The crypto module as a portal configured with these keys loads it. */
async function withKeys(current: string, previous = "") {
  vi.resetModules();
  vi.stubEnv("DATA_ENCRYPTION_KEY", current);
  vi.stubEnv("DATA_ENCRYPTION_PREVIOUS_KEYS", previous);
  return import("@/lib/core/crypto");
}

describe("data key rotation", () => {
  it("a previous key still opens what it sealed; new data is sealed with the new key", async () => {
    const before = await withKeys(KEY_1);
    const sealed = before.encrypt("+12025550143");
    expect(before.isSealedWithCurrentKey(sealed)).toBe(true);

    const rotated = await withKeys(KEY_2, KEY_1);
    expect(rotated.decrypt(sealed)).toBe("+12025550143");
    expect(rotated.isSealedWithCurrentKey(sealed)).toBe(false);
    const resealed = rotated.encrypt(rotated.decrypt(sealed));
    expect(rotated.isSealedWithCurrentKey(resealed)).toBe(true);

    const previousDropped = await withKeys(KEY_2);
    expect(previousDropped.decrypt(resealed)).toBe("+12025550143");
    expect(() => previousDropped.decrypt(sealed)).toThrow(/not configured/);
    vi.unstubAllEnvs();
  });

  it("opens data sealed before key ids (iv | tag | ciphertext) with the current key", async () => {
    const crypto2 = await withKeys(KEY_1);
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", Buffer.from(KEY_1, "base64"), iv);
    const body = Buffer.concat([cipher.update("legacy", "utf8"), cipher.final()]);
    const legacy = Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    expect(crypto2.decrypt(legacy)).toBe("legacy");
    expect(crypto2.isSealedWithCurrentKey(legacy)).toBe(false);
    vi.unstubAllEnvs();
  });
});

describe("keyedHash", () => {
  it("is stable for the same purpose and value", () => {
    expect(crypto.keyedHash("session-ticket", "abc")).toBe(crypto.keyedHash("session-ticket", "abc"));
  });

  it("differs by purpose, so a hash of one kind is useless for another", () => {
    expect(crypto.keyedHash("password-reset", "abc")).not.toBe(crypto.keyedHash("email-verify", "abc"));
  });

  it("differs by value and is not a plain SHA-256 of it", async () => {
    const { createHash } = await import("node:crypto");
    expect(crypto.keyedHash("p", "abc")).not.toBe(crypto.keyedHash("p", "abd"));
    expect(crypto.keyedHash("p", "abc")).not.toBe(createHash("sha256").update("p\0abc").digest("base64url"));
  });
});

describe("hashesEqual", () => {
  it("is true only for identical strings", () => {
    const h = crypto.keyedHash("p", "abc");
    expect(crypto.hashesEqual(h, h)).toBe(true);
    expect(crypto.hashesEqual(h, crypto.keyedHash("p", "abd"))).toBe(false);
  });

  it("returns false, without throwing, for different lengths", () => {
    expect(crypto.hashesEqual("abc", "abcd")).toBe(false);
    expect(crypto.hashesEqual("", "a")).toBe(false);
  });
});

describe("randomToken", () => {
  it("is URL-safe and unique", () => {
    const tokens = new Set(Array.from({ length: 100 }, () => crypto.randomToken()));
    expect(tokens.size).toBe(100);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
