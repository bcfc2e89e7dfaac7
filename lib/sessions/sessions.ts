// Pure session rules: no I/O, time passed in.

/** A ticket must be exchanged for a next-auth JWT within this window after the password check. */
export const TICKET_TTL_MS = 60_000;
/** lastSeenAt is written at most this often, so idle tracking costs one write a minute, not one per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionSnapshot = {
  revokedAt: Date | null;
  claimedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  userStatus: "ACTIVE" | "DISABLED";
};

export type SessionEndReason = "revoked" | "unclaimed" | "expired" | "idle" | "disabled";

export function sessionEndReason(s: SessionSnapshot, now: Date, idleMs: number): SessionEndReason | null {
  if (s.revokedAt) return "revoked";
  if (!s.claimedAt) return "unclaimed";
  if (s.userStatus !== "ACTIVE") return "disabled";
  if (now >= s.expiresAt) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= idleMs) return "idle";
  return null;
}

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
