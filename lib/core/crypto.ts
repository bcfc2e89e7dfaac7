import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHash,
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
const TAG_BYTES = 16;
/**
 * Ciphertexts start with this marker and the 4-byte id of their key (the first bytes of the key's SHA-256), so
 * DATA_ENCRYPTION_KEY can be rotated: older keys stay in DATA_ENCRYPTION_PREVIOUS_KEYS to read what they
 * sealed until `npm run keys:rotate` has re-sealed it. Six bytes: exactly eight base64url characters, so a
 * sealed string's first eight characters name its key.
 */
const MARKER = Buffer.from([0xc5, 0x01]);
const HEADER_BYTES = MARKER.length + 4;

type DataKey = { id: Buffer; key: KeyObject };
let keyring: { config: string; current: DataKey; byId: Map<string, DataKey> } | undefined;

function dataKeys() {
  const { DATA_ENCRYPTION_KEY, DATA_ENCRYPTION_PREVIOUS_KEYS } = env();
  const config = `${DATA_ENCRYPTION_KEY}|${DATA_ENCRYPTION_PREVIOUS_KEYS.join(",")}`;
  if (keyring?.config === config) return keyring;
  const load = (base64: string): DataKey => {
    const raw = Buffer.from(base64, "base64");
    return { id: createHash("sha256").update(raw).digest().subarray(0, 4), key: createSecretKey(raw) };
  };
  const current = load(DATA_ENCRYPTION_KEY);
  const byId = new Map(
    [current, ...DATA_ENCRYPTION_PREVIOUS_KEYS.map(load)].map((k) => [k.id.toString("hex"), k]),
  );
  keyring = { config, current, byId };
  return keyring;
}

/** The eight characters every string sealed with the current key starts with (keys:rotate skips those). */
export function currentKeyPrefix(): string {
  return Buffer.concat([MARKER, dataKeys().current.id]).toString("base64url");
}

/** AES-256-GCM with the current data key; output is marker | key id | iv | tag | ciphertext. */
export function encryptBytes(plaintext: Buffer): Buffer {
  const { current } = dataKeys();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MARKER, current.id, iv, cipher.getAuthTag(), body]);
}

function open(key: KeyObject, sealed: Buffer): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, IV_BYTES));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/**
 * Opens what encryptBytes sealed, with whichever configured key sealed it; data sealed before key ids
 * (iv | tag | ciphertext) opens with the current key. Throws when the data was altered or its key is not
 * configured.
 */
export function decryptBytes(sealed: Buffer): Buffer {
  const keys = dataKeys();
  const marked = sealed.subarray(0, MARKER.length).equals(MARKER);
  const id = marked ? sealed.subarray(MARKER.length, HEADER_BYTES).toString("hex") : "";
  const key = keys.byId.get(id);
  if (key) return open(key.key, sealed.subarray(HEADER_BYTES));
  try {
    // Sealed before key ids; one such ciphertext in 65,536 starts with the marker by chance.
    return open(keys.current.key, sealed);
  } catch (error) {
    if (!marked) throw error;
    throw new Error(`sealed with data key ${id}, which is not configured (DATA_ENCRYPTION_PREVIOUS_KEYS)`);
  }
}

/** Whether `sealed` (a string from encrypt) was sealed with the current key. */
export function isSealedWithCurrentKey(sealed: string): boolean {
  return sealed.startsWith(currentKeyPrefix());
}

/** AES-256-GCM of a string; output is base64url(iv | tag | ciphertext). */
export function encrypt(plaintext: string): string {
  return encryptBytes(Buffer.from(plaintext, "utf8")).toString("base64url");
}

export function decrypt(sealed: string): string {
  return decryptBytes(Buffer.from(sealed, "base64url")).toString("utf8");
}
