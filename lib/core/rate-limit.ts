import "server-only";
import { Redis } from "ioredis";
import {
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "./env";
import { DomainError, type ErrorCode } from "./errors";
import { query, sqlPool, type SqlValue } from "./sql";
import { onShutdown } from "./shutdown";

/**
 * Every named limit in the portal, in one place, with the error a refused caller gets. Sign-in figures from Login.gov's rack_attack configuration
 * (18F/identity-idp: 20 logins/60 s per IP, 5/60 s per email+IP) and NIST SP 800-63B's throttling rule.
 * Limits live in PostgreSQL (or Redis when REDIS_URL is set) so every portal process shares them;
 * localhost is never exempt.
 */
export const RATE_LIMITS = {
  "sign_in.ip": { points: 20, durationSeconds: 60, error: "accounts.too_many_attempts" },
  "sign_in.account_ip": { points: 5, durationSeconds: 60, error: "accounts.too_many_attempts" },
  /**
   * Failed passwords for one account from any IP: stops distributed guessing well under NIST's ceiling of
   * 100 consecutive failures, while an hour-long window keeps a deliberate lock-out of a victim short.
   */
  "sign_in.account_failures": { points: 50, durationSeconds: 60 * 60, error: "accounts.too_many_attempts" },
  "sign_up.ip": { points: 10, durationSeconds: 60 * 60, error: "accounts.too_many_requests" },
  "email_link.account": { points: 3, durationSeconds: 15 * 60, error: "accounts.too_many_requests" },
  "email_link.ip": { points: 20, durationSeconds: 15 * 60, error: "accounts.too_many_requests" },
  /** Wrong license keys: 125-bit keys cannot be guessed, so this only stops scripted noise. */
  "license_key.failures.account": {
    points: 10,
    durationSeconds: 60 * 60,
    error: "licensing.too_many_attempts",
  },
  "license_key.failures.ip": { points: 30, durationSeconds: 60 * 60, error: "licensing.too_many_attempts" },
  // Phone OTP sends; sources in lib/otp/policy.ts.
  "otp.send.phone_gap": { points: 1, durationSeconds: 30, error: "otp.send_limited" },
  "otp.send.phone": { points: 5, durationSeconds: 10 * 60, error: "otp.send_limited" },
  "otp.send.account": { points: 10, durationSeconds: 60 * 60, error: "otp.send_limited" },
  "otp.send.ip": { points: 25, durationSeconds: 5 * 60, error: "otp.send_limited" },
  // Identity proofing; sources in lib/proofing/proofing.ts (Login.gov idv limits).
  "proofing.ssn_check.user": { points: 10, durationSeconds: 60 * 60, error: "proofing.too_many_ssn_checks" },
  "proofing.link_send.user": { points: 5, durationSeconds: 10 * 60, error: "proofing.too_many_link_sends" },
  /** Photo uploads per case: Login.gov allows 5 document captures per 6 h; a selfie counts apart. */
  "proofing.upload.case": { points: 10, durationSeconds: 6 * 60 * 60, error: "proofing.too_many_uploads" },
  /** Wrong recovery codes (80 bits each): 10 lock recovery for the hour (lib/recovery/recovery.ts). */
  "recovery.failures.user": { points: 10, durationSeconds: 60 * 60, error: "recovery.too_many_attempts" },
  /** Wrong proofing activation codes (80 bits, so this only stops scripted guessing and noise). */
  "proofing.code_failures.user": {
    points: 5,
    durationSeconds: 10 * 60,
    error: "proofing.too_many_code_attempts",
  },
} as const satisfies Record<string, { points: number; durationSeconds: number; error: ErrorCode }>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const limiters = new Map<RateLimitName, RateLimiterAbstract>();
let redis: Redis | undefined;

function limiterFor(name: RateLimitName): RateLimiterAbstract {
  const existing = limiters.get(name);
  if (existing) return existing;
  const { points, durationSeconds } = RATE_LIMITS[name];
  const { REDIS_URL } = env();
  const common = { keyPrefix: name, points, duration: durationSeconds };
  let limiter: RateLimiterAbstract;
  if (REDIS_URL) {
    // Commands wait in the offline queue until the connection is ready, then fail after one retry.
    if (!redis) {
      const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 5_000 });
      onShutdown("connections", "redis", () => client.quit());
      redis = client;
    }
    limiter = new RateLimiterRedis({ ...common, storeClient: redis });
  } else {
    limiter = new RateLimiterPostgres({
      ...common,
      storeClient: sqlPool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      // Deletes windows that ended over an hour ago, on an unref'd hourly timer.
      clearExpiredByTimeout: true,
    });
  }
  limiters.set(name, limiter);
  return limiter;
}

/** Counts one attempt against `name` for `key`; refuses once the window's points are spent. */
export async function consumeLimit(name: RateLimitName, key: string): Promise<RateLimitResult> {
  try {
    await limiterFor(name).consume(key);
    return { allowed: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
    throw error;
  }
}

/**
 * Spends a point of `name` for `key` (or, with `spend: false`, only looks) and throws the limit's own error,
 * with the wait, when it is used up.
 */
export async function enforceLimit(name: RateLimitName, key: string, { spend = true } = {}): Promise<void> {
  const result = spend ? await consumeLimit(name, key) : await peekLimit(name, key);
  if (!result.allowed) throw limitRefusal({ ...result, refusedBy: name });
}

/** The error for a refusal of `checkLimits`: the refusing limit's own, with the wait. */
export function limitRefusal(refused: Extract<LimitsResult, { allowed: false }>): DomainError {
  return new DomainError(RATE_LIMITS[refused.refusedBy].error, {
    retryAfterSeconds: refused.retryAfterSeconds,
  });
}

/** Tells whether `key` still has points left, without spending one. */
export async function peekLimit(name: RateLimitName, key: string): Promise<RateLimitResult> {
  const res = await limiterFor(name).get(key);
  if (!res || res.consumedPoints < RATE_LIMITS[name].points) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

/** Gives back one point, for an attempt that turned out not to count (a failed delivery). */
export async function refundLimit(name: RateLimitName, key: string): Promise<void> {
  await limiterFor(name).reward(key, 1);
}

export async function resetLimit(name: RateLimitName, key: string): Promise<void> {
  await limiterFor(name).delete(key);
}

export type LimitCheck = { name: RateLimitName; key: string };

export type LimitsResult =
  { allowed: true } | { allowed: false; refusedBy: RateLimitName; retryAfterSeconds: number };

// rate-limiter-flexible's PostgreSQL upsert (same rows, keys `${name}:${key}` and expiry in epoch ms),
// for several keys in one statement. Rows are locked in key order, so concurrent batches cannot deadlock.
const CONSUME_SQL = `
  WITH spent AS (
    INSERT INTO rate_limits AS r (key, points, expire)
    SELECT k, 1, e FROM unnest($1::text[], $2::bigint[]) AS t(k, e) ORDER BY k
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN r.expire <= $3 THEN 1 ELSE r.points + 1 END,
      expire = CASE WHEN r.expire <= $3 THEN EXCLUDED.expire ELSE r.expire END
    RETURNING key, points, expire
  )
  SELECT key, points, expire, true AS spent FROM spent
  UNION ALL
  SELECT key, points, expire, false FROM rate_limits
  WHERE key = ANY($4::text[]) AND (expire > $3 OR expire IS NULL)`;

const REFUND_SQL = `UPDATE rate_limits SET points = points - 1 WHERE key = ANY($1::text[]) AND expire > $2`;

const storedKey = ({ name, key }: LimitCheck) => `${name}:${key}`;

/**
 * Checks several limits in one database round trip: spends a point of each of `consume` and looks at
 * each of `peek` without spending. The outcome is that of checking them one by one in the order given
 * (consume first, then peek): the first refusal wins, and limits after it keep no point.
 */
export async function checkLimits(consume: LimitCheck[], peek: LimitCheck[] = []): Promise<LimitsResult> {
  if (env().REDIS_URL) return checkLimitsOneByOne(consume, peek);
  for (const { name } of [...consume, ...peek]) limiterFor(name); // keeps the store's hourly sweep running
  const consumeKeys = consume.map(storedKey);
  if (new Set(consumeKeys).size !== consumeKeys.length)
    throw new Error("checkLimits: a limit is listed twice");
  const now = Date.now();
  const rows = await query<LimitRow & { spent: boolean }>("rate-limits-check", CONSUME_SQL, [
    consumeKeys,
    consume.map(({ name }) => String(now + RATE_LIMITS[name].durationSeconds * 1000)),
    now,
    peek.map(storedKey),
  ]);
  const byKey = new Map(rows.map((r) => [`${r.spent ? "c" : "p"}${r.key}`, r]));
  return refusalOf(
    [
      ...consume.map((c) => ({ ...c, row: byKey.get(`c${storedKey(c)}`), spent: true })),
      ...peek.map((c) => ({ ...c, row: byKey.get(`p${storedKey(c)}`), spent: false })),
    ],
    now,
  );
}

type CheckedLimit = LimitCheck & { row: LimitRow | undefined; spent: boolean };
type LimitRow = { key: string; points: number; expire: string | number | null };

/** The first limit that refused, in the order checked; the points spent on limits after it are given back. */
async function refusalOf(checks: CheckedLimit[], now: number): Promise<LimitsResult> {
  const refusedAt = checks.findIndex(({ name, row, spent }) =>
    row ? (spent ? row.points > RATE_LIMITS[name].points : row.points >= RATE_LIMITS[name].points) : false,
  );
  if (refusedAt === -1) return { allowed: true };
  const refused = checks[refusedAt]!;
  const later = checks.slice(refusedAt + 1).filter((c) => c.spent);
  if (later.length > 0) await query("rate-limits-refund", REFUND_SQL, [later.map(storedKey), now]);
  const msBeforeNext = refused.row?.expire ? Math.max(Number(refused.row.expire) - now, 0) : 0;
  return {
    allowed: false,
    refusedBy: refused.name,
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  };
}

async function checkLimitsOneByOne(consume: LimitCheck[], peek: LimitCheck[]): Promise<LimitsResult> {
  for (const { name, key } of consume) {
    const result = await consumeLimit(name, key);
    if (!result.allowed) return { ...result, refusedBy: name };
  }
  for (const { name, key } of peek) {
    const result = await peekLimit(name, key);
    if (!result.allowed) return { ...result, refusedBy: name };
  }
  return { allowed: true };
}

/** Gives back the point each of `limits` spent (attempts that turned out not to count). */
export async function refundLimits(limits: LimitCheck[]): Promise<void> {
  if (limits.length === 0) return;
  if (env().REDIS_URL) {
    await Promise.all(limits.map(({ name, key }) => refundLimit(name, key)));
    return;
  }
  await query("rate-limits-refund", REFUND_SQL, [limits.map(storedKey), Date.now()]);
}

/**
 * Limits spent by a caller's own statement (PostgreSQL store only; null with Redis, where the caller uses
 * checkLimits first). Its CTEs are `limits_spent` (the rows after spending) and `limits_refused` (a row when
 * any limit is over), so the caller's write can be made only when none refused; the caller returns
 * `limitsJson` as a column and hands it to `outcome`, which gives back the points of the limits after the
 * refusing one, as checkLimits does.
 */
export function limitsInStatement(consume: LimitCheck[]): {
  values: SqlValue[];
  cte: (firstParam: number) => string;
  limitsJson: string;
  outcome: (json: LimitRow[] | null) => Promise<LimitsResult>;
} | null {
  if (env().REDIS_URL) return null;
  for (const { name } of consume) limiterFor(name);
  const now = Date.now();
  const keys = consume.map(storedKey);
  return {
    values: [
      keys,
      consume.map(({ name }) => String(now + RATE_LIMITS[name].durationSeconds * 1000)),
      String(now),
      consume.map(({ name }) => RATE_LIMITS[name].points),
    ],
    cte: (p) => `limits_spent AS (
        INSERT INTO rate_limits AS r (key, points, expire)
        SELECT k, 1, e FROM unnest($${p}::text[], $${p + 1}::bigint[]) AS t(k, e) ORDER BY k
        ON CONFLICT (key) DO UPDATE SET
          points = CASE WHEN r.expire <= $${p + 2}::bigint THEN 1 ELSE r.points + 1 END,
          expire = CASE WHEN r.expire <= $${p + 2}::bigint THEN EXCLUDED.expire ELSE r.expire END
        RETURNING key, points, expire
      ), limits_refused AS (
        SELECT 1 FROM limits_spent s JOIN unnest($${p}::text[], $${p + 3}::int[]) AS m(k, max) ON s.key = m.k
        WHERE s.points > m.max LIMIT 1
      )`,
    limitsJson: `(SELECT json_agg(limits_spent) FROM limits_spent)`,
    outcome: (json) => {
      const byKey = new Map((json ?? []).map((r) => [r.key, r]));
      return refusalOf(
        consume.map((c) => ({ ...c, row: byKey.get(storedKey(c)), spent: true })),
        now,
      );
    },
  };
}
