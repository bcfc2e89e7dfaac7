import { beforeEach, describe, expect, it } from "vitest";
import { changeRole, setAccountStatus } from "@/lib/admin/service";
import { signInWithPassword } from "@/lib/accounts/service";
import { createUser } from "../factories/user";
import { asStaff } from "../factories/staff";
import { fromIp } from "../factories/request";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";

const REASON = { reason: "Requested by the account owner", confirm: "on" as const };

beforeEach(resetDb);

describe("changeRole", () => {
  it("changes the role and audits who changed it from what to what", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const user = await createUser();

    await changeRole(asStaff(admin), { userId: user.id, role: "SUPPORT", ...REASON }, fromIp("203.0.113.5"));

    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("SUPPORT");
    const events = await db().auditEvent.findMany({ where: { type: "ROLE_CHANGED" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      result: "SUCCESS",
      actorId: admin.id,
      subjectUserId: user.id,
      ip: "203.0.113.5",
      detail: { from: "USER", to: "SUPPORT", reason: REASON.reason },
    });
  });

  it("writes nothing when the role is unchanged", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const user = await createUser({ role: "SUPPORT" });
    await changeRole(asStaff(admin), { userId: user.id, role: "SUPPORT", ...REASON }, fromIp());
    expect(await db().auditEvent.count()).toBe(0);
  });

  it("refuses to let an actor change its own role", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await expectDomainError(
      changeRole(asStaff(admin), { userId: admin.id, role: "USER", ...REASON }, fromIp()),
      "admin.cannot_change_self",
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect(await db().auditEvent.count()).toBe(0);
  });

  it("reports an unknown user", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await expectDomainError(
      changeRole(
        asStaff(admin),
        { userId: "00000000-0000-4000-8000-000000000000", role: "ADMIN", ...REASON },
        fromIp(),
      ),
      "admin.user_not_found",
    );
  });
});

describe("setAccountStatus", () => {
  it("disabling an account stops its sign-in and is audited; enabling restores it", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const user = await createUser();

    await setAccountStatus(asStaff(admin), { userId: user.id, status: "DISABLED", ...REASON }, fromIp());
    await expectDomainError(
      signInWithPassword({ login: user.email, password: user.password }, fromIp()),
      "accounts.account_disabled",
    );

    await setAccountStatus(asStaff(admin), { userId: user.id, status: "ACTIVE", ...REASON }, fromIp());
    await expect(
      signInWithPassword({ login: user.email, password: user.password }, fromIp()),
    ).resolves.toHaveProperty("ticket");

    const types = await db().auditEvent.findMany({
      where: { actorId: admin.id },
      orderBy: { id: "asc" },
      select: { type: true },
    });
    expect(types.map((t) => t.type)).toEqual(["ACCOUNT_DISABLED", "ACCOUNT_ENABLED"]);
  });

  it("refuses to let an actor disable itself", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await expectDomainError(
      setAccountStatus(asStaff(admin), { userId: admin.id, status: "DISABLED", ...REASON }, fromIp()),
      "admin.cannot_change_self",
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).status).toBe("ACTIVE");
  });
});
