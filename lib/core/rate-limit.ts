import "server-only";
import { Redis } from "ioredis";
import pg from "pg";
import {
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "./env";

/**
 * Every named limit in the portal, in one place. Figures from ../shared/research
 * (Login.gov rack_attack: 20 logins/60 s per IP, 5/60 s per email+IP; NIST 800-63B throttling).
 * Limits live in PostgreSQL (or Redis when REDIS_URL is set) so every portal process shares them;
 * localhost is never exempt.
 */
export const RATE_LIMITS = {
  "sign_in.ip": { points: 20, durationSeconds: 60 },
  "sign_in.account_ip": { points: 5, durationSeconds: 60 },
  /**
   * Failed passwords for one account from any IP: stops distributed guessing well under NIST's ceiling of
   * 100 consecutive failures, while an hour-long window keeps a deliberate lock-out of a victim short.
   */
  "sign_in.account_failures": { points: 50, durationSeconds: 60 * 60 },
  "sign_up.ip": { points: 10, durationSeconds: 60 * 60 },
  "email_link.account": { points: 3, durationSeconds: 15 * 60 },
  "email_link.ip": { points: 20, durationSeconds: 15 * 60 },
  /** Wrong license keys: 125-bit keys cannot be guessed, so this only stops scripted noise. */
  "license_key.failures.account": { points: 10, durationSeconds: 60 * 60 },
  "license_key.failures.ip": { points: 30, durationSeconds: 60 * 60 },
  // Phone OTP sends; sources in lib/otp/policy.ts.
  "otp.send.phone_gap": { points: 1, durationSeconds: 30 },
  "otp.send.phone": { points: 5, durationSeconds: 10 * 60 },
  "otp.send.account": { points: 10, durationSeconds: 60 * 60 },
  "otp.send.ip": { points: 25, durationSeconds: 5 * 60 },
  // Identity proofing; sources in lib/proofing/proofing.ts (Login.gov idv limits).
  "proofing.ssn_check.user": { points: 10, durationSeconds: 60 * 60 },
  "proofing.link_send.user": { points: 5, durationSeconds: 10 * 60 },
  /** Photo uploads per case: Login.gov allows 5 document captures per 6 h; a selfie counts apart. */
  "proofing.upload.case": { points: 10, durationSeconds: 6 * 60 * 60 },
  /** Wrong proofing activation codes (80 bits, so this only stops scripted guessing and noise). */
  "proofing.code_failures.user": { points: 5, durationSeconds: 10 * 60 },
} as const satisfies Record<string, { points: number; durationSeconds: number }>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const limiters = new Map<RateLimitName, RateLimiterAbstract>();
let pool: pg.Pool | undefined;
let redis: Redis | undefined;

function limiterFor(name: RateLimitName): RateLimiterAbstract {
  const existing = limiters.get(name);
  if (existing) return existing;
  const { points, durationSeconds } = RATE_LIMITS[name];
  const { REDIS_URL, DATABASE_URL, DATABASE_POOL_MAX } = env();
  const common = { keyPrefix: name, points, duration: durationSeconds };
  let limiter: RateLimiterAbstract;
  if (REDIS_URL) {
    // Commands wait in the offline queue until the connection is ready, then fail after one retry.
    redis ??= new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 5_000 });
    limiter = new RateLimiterRedis({ ...common, storeClient: redis });
  } else {
    // As large as the main pool: every OTP send spends four limits, so a small pool would queue them.
    pool ??= new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX });
    limiter = new RateLimiterPostgres({
      ...common,
      storeClient: pool,
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
