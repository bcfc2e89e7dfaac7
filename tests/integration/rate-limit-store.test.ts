import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

/* eslint-disable no-restricted-properties -- the store is chosen by configuration */
const REDIS = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";

/** A fresh copy of the rate-limit module, as a second portal process would load it. */
async function freshProcess(redisUrl: string | undefined) {
  vi.resetModules();
  if (redisUrl) process.env.REDIS_URL = redisUrl;
  else delete process.env.REDIS_URL;
  return import("@/lib/core/rate-limit");
}

afterEach(() => {
  delete process.env.REDIS_URL;
  vi.resetModules();
});

describe.each([
  ["PostgreSQL", undefined],
  ["Redis", REDIS],
])("rate limits stored in %s", (_store, redisUrl) => {
  it("are shared by every portal process and refuse the attempt past the limit with a wait", async () => {
    const key = `203.0.113.7|${randomUUID()}`;
    const first = await freshProcess(redisUrl);
    for (let i = 0; i < 3; i += 1)
      expect(await first.consumeLimit("sign_in.account_ip", key)).toEqual({ allowed: true });

    const second = await freshProcess(redisUrl);
    for (let i = 0; i < 2; i += 1)
      expect(await second.consumeLimit("sign_in.account_ip", key)).toEqual({ allowed: true });
    const refused = await second.consumeLimit("sign_in.account_ip", key);
    expect(refused.allowed).toBe(false);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);

    // Another key is untouched, and peeking spends nothing.
    const other = `${key}-other`;
    expect(await second.peekLimit("sign_in.account_ip", other)).toEqual({ allowed: true });
    expect(await second.consumeLimit("sign_in.account_ip", other)).toEqual({ allowed: true });
    await second.resetLimit("sign_in.account_ip", key);
    expect(await second.consumeLimit("sign_in.account_ip", key)).toEqual({ allowed: true });
  });
});

describe("limits spent inside a caller's statement (the OTP send's one round trip)", () => {
  const checks = (key: string) =>
    [
      { name: "otp.send.account", key },
      { name: "otp.send.phone_gap", key },
      { name: "otp.send.phone", key },
    ] as const;

  it("make the caller's write only when none refused; a refusal gives back the points after it", async () => {
    const limits = await freshProcess(undefined);
    const { query } = await import("@/lib/core/sql");
    const key = randomUUID();
    const attempt = async () => {
      const step = limits.limitsInStatement([...checks(key)])!;
      const [row] = await query<{ written: number; limits: never[] | null }>(
        "test-limits-in-statement",
        `WITH ${step.cte(1)}, written AS (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM limits_refused))
         SELECT (SELECT count(*)::int FROM written) AS written, ${step.limitsJson} AS limits`,
        step.values,
      );
      return { written: row!.written, outcome: await step.outcome(row!.limits) };
    };

    expect(await attempt()).toEqual({ written: 1, outcome: { allowed: true } });
    const refused = await attempt();
    expect(refused.written).toBe(0);
    expect(refused.outcome).toMatchObject({ allowed: false, refusedBy: "otp.send.phone_gap" });
    expect(refused.outcome.allowed === false && refused.outcome.retryAfterSeconds).toBeLessThanOrEqual(30);
    const points = await query<{ key: string; points: number }>(
      "test-limit-points",
      "SELECT key, points FROM rate_limits WHERE key = ANY($1::text[])",
      [checks(key).map((c) => `${c.name}:${key}`)],
    );
    // The limit before the refusing one is the caller's to give back (it knows whether the try counts).
    expect(Object.fromEntries(points.map((r) => [r.key.split(":")[0], r.points]))).toEqual({
      "otp.send.account": 2,
      "otp.send.phone_gap": 2,
      "otp.send.phone": 1,
    });
  });

  it("are left to the caller with Redis, which no SQL statement can reach", async () => {
    const limits = await freshProcess(REDIS);
    expect(limits.limitsInStatement([...checks(randomUUID())])).toBeNull();
  });
});
