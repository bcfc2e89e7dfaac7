import { vi } from "vitest";

export type TestClock = {
  /** The test's current time, as a fresh Date. */
  now(): Date;
  /** Moves the clock on by `ms` and returns the new time. */
  advance(ms: number): Date;
};

/**
 * Freezes Date (only Date: timers, sockets and the database driver keep real time) at `start`.
 * Services take an explicit `now`, but the rate limits (rate-limiter-flexible) read Date.now(): one frozen
 * clock keeps both in step, so "31 s later" means the same to a code's expiry and to the 30 s send gap.
 * Undo with vi.useRealTimers() in afterEach.
 */
export function useTestClock(start = new Date("2026-12-01T09:00:00.000Z")): TestClock {
  vi.useFakeTimers({ toFake: ["Date"], now: start });
  return {
    now: () => new Date(),
    advance(ms) {
      vi.setSystemTime(Date.now() + ms);
      return new Date();
    },
  };
}
