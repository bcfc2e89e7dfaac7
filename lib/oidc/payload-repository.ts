import "server-only";
import type { Adapter, AdapterPayload } from "oidc-provider";
import { query } from "@/lib/core/sql";

// oidc-provider's storage on PostgreSQL (one table, one row per model instance), so that several portal
// instances share sessions, interactions, grants, codes and tokens. Plain SQL: the token endpoint is hot.

const GRANT_BOUND = new Set([
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
]);

export class PostgresAdapter implements Adapter {
  constructor(private readonly model: string) {}

  private key(id: string) {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    await query(
      "oidc-upsert",
      `INSERT INTO oidc_payloads (key, model, payload, "grantId", "userCode", uid, "expiresAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (key) DO UPDATE SET payload = $3, "grantId" = $4, "userCode" = $5, uid = $6, "expiresAt" = $7`,
      [
        this.key(id),
        this.model,
        JSON.stringify(payload),
        GRANT_BOUND.has(this.model) || this.model === "Grant"
          ? (payload.grantId ?? (this.model === "Grant" ? id : null))
          : null,
        payload.userCode ?? null,
        payload.uid ?? null,
        expiresAt,
      ],
    );
  }

  private async findBy(column: "key" | "uid" | '"userCode"', value: string) {
    const rows = await query<{ payload: AdapterPayload; consumedAt: Date | null }>(
      `oidc-find-by-${column.replaceAll('"', "")}`,
      `SELECT payload, "consumedAt" FROM oidc_payloads
       WHERE ${column} = $1 AND model = $2 AND ("expiresAt" IS NULL OR "expiresAt" > now())`,
      [value, this.model],
    );
    const row = rows[0];
    if (!row) return undefined;
    return row.consumedAt
      ? { ...row.payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) }
      : row.payload;
  }

  find(id: string) {
    return this.findBy("key", this.key(id));
  }

  findByUid(uid: string) {
    return this.findBy("uid", uid);
  }

  findByUserCode(userCode: string) {
    return this.findBy('"userCode"', userCode);
  }

  async consume(id: string): Promise<void> {
    await query("oidc-consume", `UPDATE oidc_payloads SET "consumedAt" = now() WHERE key = $1`, [
      this.key(id),
    ]);
  }

  async destroy(id: string): Promise<void> {
    await query("oidc-destroy", `DELETE FROM oidc_payloads WHERE key = $1`, [this.key(id)]);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await query("oidc-revoke-grant", `DELETE FROM oidc_payloads WHERE "grantId" = $1`, [grantId]);
  }
}

/** The newest live grant (consent) `accountId` gave `clientId`: consent is remembered per partner. */
export async function findLatestGrantId(accountId: string, clientId: string): Promise<string | null> {
  const rows = await query<{ id: string }>(
    "oidc-latest-grant",
    `SELECT payload->>'jti' AS id FROM oidc_payloads
     WHERE model = 'Grant' AND payload->>'accountId' = $1 AND payload->>'clientId' = $2
       AND ("expiresAt" IS NULL OR "expiresAt" > now())
     ORDER BY (payload->>'iat')::bigint DESC LIMIT 1`,
    [accountId, clientId],
  );
  return rows[0]?.id ?? null;
}

/**
 * The live grants (consents) of a user, newest first, with when they were given and when the partner last
 * got tokens under them (an authorization code is issued at each sign-in).
 */
export function listGrantsOf(
  accountId: string,
): Promise<{ grantId: string; clientId: string; allowedAt: Date; lastSignInAt: Date | null }[]> {
  return query(
    "oidc-grants-of",
    `SELECT g.payload->>'jti' AS "grantId", g.payload->>'clientId' AS "clientId",
       to_timestamp((g.payload->>'iat')::bigint) AT TIME ZONE 'UTC' AS "allowedAt",
       (SELECT to_timestamp(max((c.payload->>'iat')::bigint)) AT TIME ZONE 'UTC' FROM oidc_payloads c
        WHERE c."grantId" = g.payload->>'jti' AND c.model IN ('AuthorizationCode', 'AccessToken', 'RefreshToken'))
         AS "lastSignInAt"
     FROM oidc_payloads g
     WHERE g.model = 'Grant' AND g.payload->>'accountId' = $1 AND (g."expiresAt" IS NULL OR g."expiresAt" > now())
     ORDER BY (g.payload->>'iat')::bigint DESC`,
    [accountId],
  );
}

/** Deletes a grant and everything issued under it. */
export async function revokeGrant(grantId: string): Promise<void> {
  await query("oidc-revoke-grant", `DELETE FROM oidc_payloads WHERE "grantId" = $1`, [grantId]);
}

/** Deletes every grant of a user with what was issued under it, and their provider sessions. */
export async function revokeEverythingOf(accountId: string): Promise<void> {
  await query(
    "oidc-revoke-account",
    `DELETE FROM oidc_payloads WHERE payload->>'accountId' = $1
       OR "grantId" IN (SELECT payload->>'jti' FROM oidc_payloads WHERE model = 'Grant' AND payload->>'accountId' = $1)`,
    [accountId],
  );
}

/** Removes what has expired (a job): the table holds live payloads only. */
export async function deleteExpiredPayloads(now: Date): Promise<number> {
  const rows = await query<{ n: number }>(
    "oidc-delete-expired",
    `WITH gone AS (DELETE FROM oidc_payloads WHERE "expiresAt" <= $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [now],
  );
  return rows[0]!.n;
}
