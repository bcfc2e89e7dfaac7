import { beforeEach, describe, expect, it } from "vitest";
import { securityEventsForUser } from "@/lib/audit/service";
import {
  listMySessions,
  resolveSession,
  signOutEverywhereElse,
  signOutMySession,
} from "@/lib/sessions/service";
import { sessionOf } from "../factories/credential";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { createUser } from "../factories/user";
import { resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";

// My Account › Security: a user sees and ends their own sessions only, and reads their own security events.

beforeEach(async () => {
  await resetDb();
});

describe("my sessions", () => {
  it("lists this session first; Sign out ends another one, never someone else's or this one", async () => {
    const user = await createUser();
    const [mine, other] = [
      await createSignedInSession(user.id, new Date()),
      await createSignedInSession(user.id, new Date()),
    ];
    const me = await sessionOf(mine);
    const stranger = await createSignedInSession((await createUser()).id, new Date());

    const listed = await listMySessions(me);
    expect(listed.map((s) => [s.id, s.current])).toEqual([
      [mine, true],
      [other, false],
    ]);
    await expectDomainError(signOutMySession(me, mine, fromIp()), "sessions.use_sign_out");
    await expectDomainError(signOutMySession(me, stranger, fromIp()), "sessions.not_found");
    expect(await resolveSession(stranger, new Date())).not.toBeNull();

    await signOutMySession(me, other, fromIp());
    expect(await resolveSession(other, new Date())).toBeNull();
    await expectDomainError(signOutMySession(me, other, fromIp()), "sessions.not_found");
  });

  it("Sign out everywhere else keeps this session only, and the events say so", async () => {
    const user = await createUser();
    const mine = await createSignedInSession(user.id, new Date());
    const others = [
      await createSignedInSession(user.id, new Date()),
      await createSignedInSession(user.id, new Date()),
    ];
    const me = await sessionOf(mine);

    expect(await signOutEverywhereElse(me, fromIp("203.0.113.7"))).toBe(2);
    for (const id of others) expect(await resolveSession(id, new Date())).toBeNull();
    expect(await resolveSession(mine, new Date())).not.toBeNull();
    expect(await securityEventsForUser(user.id)).toEqual([
      expect.objectContaining({ label: "Signed out everywhere else", ip: "203.0.113.7", bySupport: false }),
    ]);
  });
});
