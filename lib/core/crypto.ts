import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from "node:crypto";
import { env } from "./env";

/** A URL-safe random token with `bytes` bytes of entropy (default 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Keyed hash (HMAC-SHA256 with the server pepper) for secrets we must recognise but never read back:
 * link tokens, session tickets, codes, keys. The `purpose` label keeps hashes of one kind useless for another.
 */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", secretKey("pepper", env().TOKEN_PEPPER, "utf8"))
    .update(`${purpose}\0${value}`)
    .digest("base64url");
}

// Key objects are built once per configured secret: a sign-in hashes and seals several values, and
// importing a raw key on every call showed up in the CPU profile.
const keyCache = new Map<string, { secret: string; key: KeyObject }>();

function secretKey(name: string, secret: string, encoding: "utf8" | "base64"): KeyObject {
  const cached = keyCache.get(name);
  if (cached?.secret === secret) return cached.key;
  const key = createSecretKey(Buffer.from(secret, encoding));
  keyCache.set(name, { secret, key });
  return key;
}

export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const IV_BYTES = 12;

/** AES-256-GCM with the configured data key; output is iv | tag | ciphertext. */
export function encryptBytes(plaintext: Buffer): Buffer {
  const key = secretKey("data", env().DATA_ENCRYPTION_KEY, "base64");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws when the data was altered or sealed with another key. */
export function decryptBytes(sealed: Buffer): Buffer {
  const key = secretKey("data", env().DATA_ENCRYPTION_KEY, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, IV_BYTES));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + 16));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + 16)), decipher.final()]);
}

/** AES-256-GCM of a string; output is base64url(iv | tag | ciphertext). */
export function encrypt(plaintext: string): string {
  return encryptBytes(Buffer.from(plaintext, "utf8")).toString("base64url");
}

export function decrypt(sealed: string): string {
  return decryptBytes(Buffer.from(sealed, "base64url")).toString("utf8");
}
