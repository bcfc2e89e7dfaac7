import "server-only";
import type { Tx } from "@/lib/core/db";
import { query } from "@/lib/core/sql";
import type { CredentialState } from "./credentials";

// The only writer of the credentials table (enforced by lint): rows are created here and change only to a
// state that lib/credentials/credentials.ts's `transition` computed.

export type LockedCredential = CredentialState & { id: string; userId: string; phoneCount: number };

export async function insertCredential(
  data: { userId: string; productId: string; licenseKeyId: string; activatedAt: Date } & CredentialState,
  tx: Tx,
): Promise<{ id: string }> {
  return tx.credential.create({ data, select: { id: true } });
}

/**
 * The user's staff credential, created when missing (one per person: a partial unique index). A concurrent
 * creation that commits during this statement is invisible to its snapshot: the second run then finds it.
 */
export async function upsertStaffCredential(
  userId: string,
  state: CredentialState,
  now: Date,
): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const id = await insertOrFindStaffCredential(userId, state, now);
    if (id) return id;
  }
  throw new Error("the staff credential was neither created nor found");
}

async function insertOrFindStaffCredential(userId: string, state: CredentialState, now: Date) {
  const rows = await query<{ id: string }>(
    "credentials-upsert-staff",
    `WITH created AS (
       INSERT INTO credentials (id, "userId", kind, status, "proofingRequired", "proofedAt", "activatedAt", "expiresAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'STAFF', $2, $3, $4, $5, $6, $5)
       ON CONFLICT ("userId") WHERE kind = 'STAFF' DO NOTHING
       RETURNING id)
     SELECT id FROM created
     UNION ALL SELECT id FROM credentials WHERE "userId" = $1 AND kind = 'STAFF'
     LIMIT 1`,
    [userId, state.status, state.proofingRequired, state.proofedAt, now, state.expiresAt],
  );
  return rows[0]?.id ?? null;
}

/** When the user's identity was last proofed on a credential that is active now; null when never. */
export async function findLatestProofing(userId: string, now: Date): Promise<Date | null> {
  const rows = await query<{ proofedAt: Date | null }>(
    "credentials-latest-proofing",
    `SELECT max("proofedAt") AS "proofedAt" FROM credentials
     WHERE "userId" = $1 AND status = 'ACTIVE' AND "expiresAt" > $2 AND "proofedAt" IS NOT NULL`,
    [userId, now],
  );
  return rows[0]?.proofedAt ?? null;
}

/** Whether any credential of the user was ever proofed (their name was matched to an identity). */
export async function hasProofedCredential(userId: string): Promise<boolean> {
  const rows = await query<{ found: boolean }>(
    "credentials-has-proofed",
    `SELECT EXISTS (SELECT 1 FROM credentials WHERE "userId" = $1 AND "proofedAt" IS NOT NULL) AS found`,
    [userId],
  );
  return rows[0]!.found;
}

/** The credential, locked until the transaction ends, so two changes of one credential apply in turn. */
export async function lockCredential(id: string, tx: Tx): Promise<LockedCredential | null> {
  const rows = await tx.$queryRaw<(Omit<LockedCredential, "phoneCount"> & { phoneCount: bigint })[]>`
    SELECT c.id, c."userId", c.status::text AS status, c."proofingRequired", c."proofedAt", c."expiresAt",
      (SELECT count(*) FROM phone_numbers p WHERE p."credentialId" = c.id) AS "phoneCount"
    FROM credentials c WHERE c.id = ${id}::uuid FOR UPDATE OF c`;
  const row = rows[0];
  return row ? { ...row, phoneCount: Number(row.phoneCount) } : null;
}

export async function saveCredentialState(id: string, state: CredentialState, tx: Tx): Promise<void> {
  const { status, proofingRequired, proofedAt, expiresAt } = state;
  await tx.credential.update({
    where: { id },
    data: { status, proofingRequired, proofedAt, expiresAt },
    select: { id: true },
  });
}

export async function listCredentialIdsOfUser(userId: string, tx: Tx): Promise<string[]> {
  const rows = await tx.credential.findMany({
    where: { userId },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}
