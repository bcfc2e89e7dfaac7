import "server-only";
import { db } from "@/lib/core/db";

/** Every column that holds a string sealed with the data key (lib/core/crypto.ts), and its table's key. */
export const SEALED_COLUMNS = [
  { table: "license_keys", id: "id", column: "sealedKey" },
  { table: "phone_numbers", id: "id", column: "e164Encrypted" },
  { table: "one_time_codes", id: "id", column: "targetEncrypted" },
  { table: "proofing_cases", id: "id", column: "identityEncrypted" },
  { table: "proofing_cases", id: "id", column: "ssnEncrypted" },
  { table: "proofing_cases", id: "id", column: "mobileEncrypted" },
  { table: "appointments", id: "id", column: "contactPhoneEncrypted" },
  { table: "oidc_signing_keys", id: "kid", column: "privateJwkEncrypted" },
] as const;

export type SealedColumn = (typeof SEALED_COLUMNS)[number];
export type SealedValue = { id: string; value: string };

/** Up to `take` values of `c` not sealed under `currentPrefix`, after id `after` (a cursor through the table). */
export function listNotSealedWith(
  c: SealedColumn,
  currentPrefix: string,
  after: string,
  take: number,
): Promise<SealedValue[]> {
  return db().$queryRawUnsafe<SealedValue[]>(
    `SELECT "${c.id}"::text AS id, "${c.column}" AS value FROM "${c.table}"
     WHERE "${c.column}" IS NOT NULL AND left("${c.column}", 8) <> $1 AND "${c.id}"::text > $2
     ORDER BY "${c.id}"::text LIMIT ${take}`,
    currentPrefix,
    after,
  );
}

/**
 * Replaces a sealed value only if it is still the one read (a request may have changed it meanwhile: then its
 * own new value, sealed with the current key, stays). Returns whether it replaced it.
 */
export async function replaceSealed(c: SealedColumn, row: SealedValue, resealed: string): Promise<boolean> {
  const updated = await db().$executeRawUnsafe(
    `UPDATE "${c.table}" SET "${c.column}" = $1 WHERE "${c.id}"::text = $2 AND "${c.column}" = $3`,
    resealed,
    row.id,
    row.value,
  );
  return updated === 1;
}
