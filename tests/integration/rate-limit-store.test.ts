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
