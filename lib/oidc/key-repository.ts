import "server-only";
import { query } from "@/lib/core/sql";

export type StoredKey = {
  kid: string;
  alg: string;
  privateJwkEncrypted: string;
  publishedAt: Date;
  activeFrom: Date;
  retiredAt: Date | null;
};

/** Keys published at `now` (not retired), newest first. */
export function listPublishedKeys(now: Date): Promise<StoredKey[]> {
  return query<StoredKey>(
    "oidc-keys-published",
    `SELECT kid, alg, "privateJwkEncrypted", "publishedAt", "activeFrom", "retiredAt" FROM oidc_signing_keys
     WHERE "publishedAt" <= $1 AND ("retiredAt" IS NULL OR "retiredAt" > $1)
     ORDER BY "activeFrom" DESC`,
    [now],
  );
}

export async function insertKey(key: Omit<StoredKey, "retiredAt"> & { publicJwk: object }): Promise<void> {
  await query(
    "oidc-keys-insert",
    `INSERT INTO oidc_signing_keys (kid, alg, "privateJwkEncrypted", "publicJwk", "publishedAt", "activeFrom")
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      key.kid,
      key.alg,
      key.privateJwkEncrypted,
      JSON.stringify(key.publicJwk),
      key.publishedAt,
      key.activeFrom,
    ],
  );
}

/** Retires, at `at`, every key of `alg` that a newer active key replaced. */
export async function retireReplacedKeys(alg: string, now: Date, at: Date): Promise<number> {
  const rows = await query<{ n: number }>(
    "oidc-keys-retire",
    `WITH newest AS (
       SELECT max("activeFrom") AS since FROM oidc_signing_keys WHERE alg = $1 AND "activeFrom" <= $2
     ), retired AS (
       UPDATE oidc_signing_keys k SET "retiredAt" = $3 FROM newest
       WHERE k.alg = $1 AND k."retiredAt" IS NULL AND k."activeFrom" < newest.since
       RETURNING 1
     ) SELECT count(*)::int AS n FROM retired`,
    [alg, now, at],
  );
  return rows[0]!.n;
}
