import "server-only";
import { currentKeyPrefix, decrypt, encrypt } from "@/lib/core/crypto";
import { listNotSealedWith, replaceSealed, SEALED_COLUMNS } from "./repository";

const BATCH = 500;

/**
 * `npm run keys:rotate`, after DATA_ENCRYPTION_KEY was replaced and the old key moved to
 * DATA_ENCRYPTION_PREVIOUS_KEYS on every instance: re-seals every stored value still sealed with an older key,
 * in batches, while the portal runs. Photos are not re-sealed: they are deleted within 30 days of their
 * decision, so the previous key stays configured that long (docs/operations.md). Returns counts per column.
 */
export async function resealWithCurrentKey(
  report: (column: string, done: number) => void = () => undefined,
): Promise<Record<string, number>> {
  const prefix = currentKeyPrefix();
  const counts: Record<string, number> = {};
  for (const c of SEALED_COLUMNS) {
    const name = `${c.table}.${c.column}`;
    let after = "";
    let done = 0;
    for (;;) {
      const rows = await listNotSealedWith(c, prefix, after, BATCH);
      for (const row of rows) if (await replaceSealed(c, row, encrypt(decrypt(row.value)))) done++;
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.id;
      report(name, done);
    }
    counts[name] = done;
  }
  return counts;
}
