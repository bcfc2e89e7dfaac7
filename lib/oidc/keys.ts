import "server-only";
import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { decrypt, encrypt } from "@/lib/core/crypto";
import * as repo from "./key-repository";

// The provider's signing keys (ES256 and RS256), kept in PostgreSQL with the private part sealed by the data
// key. A new key is published a day before it signs, so relying parties that cache the JWKS know it first;
// the key it replaces stays published a day longer, until every token it signed has expired.

export const SIGNING_ALGS = ["ES256", "RS256"] as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A key signs for 90 days, then its successor (published a day earlier) takes over. */
export const KEY_LIFETIME_MS = 90 * DAY_MS;
export const PUBLISH_AHEAD_MS = DAY_MS;
/** Longer than any token the old key signed (ID tokens 1 h, access tokens 1 h). */
export const RETIRE_AFTER_MS = DAY_MS;

export type PrivateJwk = Record<string, unknown> & { kid: string; alg: string; use: "sig" };

function generate(alg: (typeof SIGNING_ALGS)[number]): { privateJwk: PrivateJwk; publicJwk: object } {
  const pair =
    alg === "ES256"
      ? generateKeyPairSync("ec", { namedCurve: "P-256" })
      : generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = (k: KeyObject) => ({ ...k.export({ format: "jwk" }), kid, alg, use: "sig" as const });
  return { privateJwk: jwk(pair.privateKey), publicJwk: jwk(pair.publicKey) };
}

async function addKey(alg: (typeof SIGNING_ALGS)[number], publishedAt: Date, activeFrom: Date) {
  const { privateJwk, publicJwk } = generate(alg);
  await repo.insertKey({
    kid: privateJwk.kid,
    alg,
    privateJwkEncrypted: encrypt(JSON.stringify(privateJwk)),
    publicJwk,
    publishedAt,
    activeFrom,
  });
}

/**
 * Keeps one signing key per algorithm: creates the first (active at once), publishes a successor a day
 * before the current key's 90 days end, and retires keys a day after their successor took over. Idempotent;
 * the job runs it, `npm run oidc:rotate-keys` forces a new key now (`force`). Returns how many it created.
 */
export async function rotateSigningKeys(now = new Date(), force = false): Promise<number> {
  const published = await repo.listPublishedKeys(new Date(now.getTime() + PUBLISH_AHEAD_MS));
  let created = 0;
  for (const alg of SIGNING_ALGS) {
    const keys = published.filter((k) => k.alg === alg);
    const newest = keys[0];
    if (!newest) {
      await addKey(alg, now, now);
      created += 1;
    } else if (force || newest.activeFrom.getTime() + KEY_LIFETIME_MS - PUBLISH_AHEAD_MS <= now.getTime()) {
      if (newest.activeFrom <= now) {
        await addKey(alg, now, new Date(now.getTime() + (force ? 0 : PUBLISH_AHEAD_MS)));
        created += 1;
      }
    }
    await repo.retireReplacedKeys(alg, now, new Date(now.getTime() + RETIRE_AFTER_MS));
  }
  return created;
}

/**
 * The keys the provider holds now, private parts included: those signing now first (newest first, so the
 * provider signs with them), then those published ahead, which it only publishes.
 */
export async function loadSigningKeys(now = new Date()): Promise<PrivateJwk[]> {
  const keys = await repo.listPublishedKeys(now);
  const signing = keys.filter((k) => k.activeFrom <= now);
  const ahead = keys.filter((k) => k.activeFrom > now);
  return [...signing, ...ahead].map((k) => JSON.parse(decrypt(k.privateJwkEncrypted)) as PrivateJwk);
}
