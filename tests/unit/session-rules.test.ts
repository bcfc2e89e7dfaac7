import { describe, expect, it } from "vitest";
import {
  sessionEndReason,
  shouldTouch,
  TOUCH_INTERVAL_MS,
  type SessionSnapshot,
} from "@/lib/sessions/sessions";

const IDLE_MS = 15 * 60_000;
const start = new Date("2026-03-01T10:00:00.000Z");
const at = (ms: number) => new Date(start.getTime() + ms);

function live(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    revokedAt: null,
    claimedAt: start,
    expiresAt: at(12 * 3_600_000),
    lastSeenAt: start,
    userStatus: "ACTIVE",
    ...overrides,
  };
}

describe("sessionEndReason", () => {
  it("keeps a claimed, recent session of an active user", () => {
    expect(sessionEndReason(live(), at(60_000), IDLE_MS)).toBeNull();
  });

  it("ends a revoked session even when everything else is fine", () => {
    expect(sessionEndReason(live({ revokedAt: start }), at(1), IDLE_MS)).toBe("revoked");
  });

  it("refuses a session whose ticket was never claimed", () => {
    expect(sessionEndReason(live({ claimedAt: null }), at(1), IDLE_MS)).toBe("unclaimed");
  });

  it("ends the session of a disabled user at once", () => {
    expect(sessionEndReason(live({ userStatus: "DISABLED" }), at(1), IDLE_MS)).toBe("disabled");
  });

  it("ends a session exactly at the idle limit and keeps it 1 ms before", () => {
    expect(sessionEndReason(live(), at(IDLE_MS), IDLE_MS)).toBe("idle");
    expect(sessionEndReason(live(), at(IDLE_MS - 1), IDLE_MS)).toBeNull();
  });

  it("measures idleness from the last activity, not from sign-in", () => {
    const s = live({ lastSeenAt: at(IDLE_MS) });
    expect(sessionEndReason(s, at(2 * IDLE_MS - 1), IDLE_MS)).toBeNull();
  });

  it("ends an active session exactly at its absolute expiry and keeps it 1 ms before", () => {
    const expiresAt = at(12 * 3_600_000);
    const busy = live({ expiresAt, lastSeenAt: at(12 * 3_600_000 - 60_000) });
    expect(sessionEndReason(busy, expiresAt, IDLE_MS)).toBe("expired");
    expect(sessionEndReason(busy, at(12 * 3_600_000 - 1), IDLE_MS)).toBeNull();
  });
});

describe("shouldTouch", () => {
  it("writes activity at most once per interval", () => {
    expect(shouldTouch(start, at(TOUCH_INTERVAL_MS - 1))).toBe(false);
    expect(shouldTouch(start, at(TOUCH_INTERVAL_MS))).toBe(true);
  });

  it("does not write when the clock is behind the last activity", () => {
    expect(shouldTouch(start, at(-5_000))).toBe(false);
  });
});
