import { beforeEach, describe, expect, it } from "vitest";
import { setAccountStatus } from "@/lib/admin/service";
import { env } from "@/lib/core/env";
import { endAllSessions, endSession, resolveSession, startSession } from "@/lib/sessions/service";
import { createUser } from "../factories/user";
import { asStaff } from "../factories/staff";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { db, resetDb } from "../setup/db";

const REASON = { reason: "Requested by the account owner", confirm: "on" as const };

beforeEach(resetDb);

const minutes = (n: number) => n * 60_000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

async function expiryReasons(): Promise<unknown[]> {
  const events = await db().auditEvent.findMany({ where: { type: "SESSION_EXPIRED" } });
  return events.map((e) => e.detail);
}

describe("resolveSession", () => {
  it("returns the signed-in user for a claimed session", async () => {
    const user = await createUser({ firstName: "Ada", lastName: "Lovelace", role: "SUPPORT" });
    const sessionId = await createSignedInSession(user.id);

    expect(await resolveSession(sessionId, new Date())).toMatchObject({
      sessionId,
      userId: user.id,
      role: "SUPPORT",
      firstName: "Ada",
      lastName: "Lovelace",
      email: user.email,
      authLevel: "PASSWORD",
    });
  });

  it("returns null for an unknown session id", async () => {
    expect(await resolveSession("00000000-0000-4000-8000-000000000000", new Date())).toBeNull();
  });

  it("refuses a session whose ticket was never claimed", async () => {
    const user = await createUser();
    const { sessionId } = await startSession({
      userId: user.id,
      authLevel: "PASSWORD",
      now: new Date(),
      request: fromIp(),
    });
    expect(await resolveSession(sessionId, new Date())).toBeNull();
  });

  it("ends the session on sign-out and audits it once", async () => {
    const user = await createUser();
    const sessionId = await createSignedInSession(user.id);

    await endSession({ sessionId, userId: user.id }, fromIp());
    await endSession({ sessionId, userId: user.id }, fromIp());

    expect(await resolveSession(sessionId, new Date())).toBeNull();
    expect(await db().auditEvent.count({ where: { type: "SIGN_OUT", subjectUserId: user.id } })).toBe(1);
  });

  it("ends every session of the user, and only that user's, on endAllSessions", async () => {
    const user = await createUser();
    const other = await createUser();
    const laptop = await createSignedInSession(user.id);
    const phone = await createSignedInSession(user.id);
    const someoneElse = await createSignedInSession(other.id);

    expect(await endAllSessions(user.id, new Date())).toBe(2);

    expect(await resolveSession(laptop, new Date())).toBeNull();
    expect(await resolveSession(phone, new Date())).toBeNull();
    expect(await resolveSession(someoneElse, new Date())).not.toBeNull();
  });

  it("ends the session of a user an admin disables, and it stays ended after re-enabling", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const user = await createUser();
    const sessionId = await createSignedInSession(user.id);

    await setAccountStatus(asStaff(admin), { userId: user.id, status: "DISABLED", ...REASON }, fromIp());
    expect(await resolveSession(sessionId, new Date())).toBeNull();

    await setAccountStatus(asStaff(admin), { userId: user.id, status: "ACTIVE", ...REASON }, fromIp());
    expect(await resolveSession(sessionId, new Date())).toBeNull();
  });

  it("keeps a session that was idle for 1 minute less than SESSION_IDLE_MINUTES", async () => {
    const user = await createUser();
    const start = new Date();
    const sessionId = await createSignedInSession(user.id, start);
    expect(
      await resolveSession(sessionId, later(start, minutes(env().SESSION_IDLE_MINUTES - 1))),
    ).not.toBeNull();
  });

  it("ends a session idle for longer than SESSION_IDLE_MINUTES, for good", async () => {
    const user = await createUser();
    const start = new Date();
    const sessionId = await createSignedInSession(user.id, start);

    expect(await resolveSession(sessionId, later(start, minutes(env().SESSION_IDLE_MINUTES) + 1))).toBeNull();
    expect(await resolveSession(sessionId, later(start, 1))).toBeNull();
    expect(await expiryReasons()).toEqual([{ reason: "idle" }]);
  });

  it("keeps an active session alive past the idle limit while the user keeps using it", async () => {
    const idle = minutes(env().SESSION_IDLE_MINUTES);
    const user = await createUser();
    const start = new Date();
    const sessionId = await createSignedInSession(user.id, start);

    const step = idle - minutes(1);
    for (let t = step; t <= 4 * step; t += step) {
      expect(await resolveSession(sessionId, later(start, t))).not.toBeNull();
    }
  });

  it("ends a session at its absolute expiry even while it is in use", async () => {
    const user = await createUser();
    const start = new Date();
    const sessionId = await createSignedInSession(user.id, start);
    const { expiresAt } = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(expiresAt.getTime() - start.getTime()).toBe(env().SESSION_MAX_HOURS * 3_600_000);

    await db().session.update({
      where: { id: sessionId },
      data: { lastSeenAt: later(expiresAt, -minutes(1)) },
    });
    expect(await resolveSession(sessionId, later(expiresAt, -1))).not.toBeNull();
    expect(await resolveSession(sessionId, expiresAt)).toBeNull();
    expect(await expiryReasons()).toEqual([{ reason: "expired" }]);
  });
});
