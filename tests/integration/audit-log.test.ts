import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/service";
import { createUser } from "../factories/user";
import { appRoleStatements } from "../../scripts/app-role-grants";
import { db, resetDb } from "../setup/db";

beforeEach(resetDb);

describe("audit_events", () => {
  it("refuses UPDATE at the database, whoever asks", async () => {
    const user = await createUser();
    await recordAudit({ type: "SIGN_IN", result: "FAILURE", subjectUserId: user.id });

    await expect(db().$executeRawUnsafe(`UPDATE audit_events SET result = 'SUCCESS'`)).rejects.toThrow(
      /append-only/,
    );
    expect((await db().auditEvent.findFirstOrThrow()).result).toBe("FAILURE");
  });

  it("refuses DELETE at the database", async () => {
    await recordAudit({ type: "SIGN_IN", result: "FAILURE" });

    await expect(db().$executeRawUnsafe(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany()).rejects.toThrow();
    expect(await db().auditEvent.count()).toBe(1);
  });

  it("refuses TRUNCATE at the database, even to the table's owner", async () => {
    await recordAudit({ type: "SIGN_IN", result: "FAILURE" });

    await expect(db().$executeRawUnsafe(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count()).toBe(1);
  });

  it("the portal's runtime role owns nothing and may only add audit rows", async () => {
    const role = `mag_app_test_${randomBytes(4).toString("hex")}`;
    const asRole = (sql: string) =>
      db().$transaction([db().$executeRawUnsafe(`SET LOCAL ROLE ${role}`), db().$executeRawUnsafe(sql)]);
    await db().$executeRawUnsafe(`CREATE ROLE ${role} NOLOGIN`);
    try {
      for (const statement of appRoleStatements(role)) await db().$executeRawUnsafe(statement);
      await recordAudit({ type: "SIGN_IN", result: "FAILURE" });

      await asRole(`INSERT INTO audit_events (type, result) VALUES ('SIGN_IN', 'SUCCESS')`);
      await expect(asRole(`SELECT count(*) FROM users`)).resolves.toBeDefined();
      for (const refused of [
        `UPDATE audit_events SET result = 'SUCCESS'`,
        `TRUNCATE audit_events`,
        `ALTER TABLE audit_events DISABLE TRIGGER ALL`,
        `DROP TRIGGER audit_events_no_update_delete ON audit_events`,
        `DROP TABLE audit_events`,
        `INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', 'x', 'x')`,
      ])
        await expect(asRole(refused), refused).rejects.toThrow(/permission denied|must be owner/);
      await expect(asRole(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
      const owners = await db().$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = ${role}`;
      expect(owners[0]!.n).toBe(0);
      expect(await db().auditEvent.count()).toBe(2);
    } finally {
      await db().$executeRawUnsafe(`DROP OWNED BY ${role}`);
      await db().$executeRawUnsafe(`DROP ROLE ${role}`);
    }
  });

  it("escapes CR, LF and other control characters in the user agent and IP", async () => {
    await recordAudit({
      type: "SIGN_IN",
      result: "FAILURE",
      ip: "203.0.113.1\n",
      userAgent: "Mozilla/5.0\r\n2026-01-01 SIGN_IN SUCCESS admin\u0000\u001b[31m",
    });

    const event = await db().auditEvent.findFirstOrThrow();
    expect(event.userAgent).toBe("Mozilla/5.0\\x0d\\x0a2026-01-01 SIGN_IN SUCCESS admin\\x00\\x1b[31m");
    expect(event.ip).toBe("203.0.113.1\\x0a");
  });

  it("caps an oversized user agent", async () => {
    await recordAudit({ type: "SIGN_IN", result: "FAILURE", userAgent: "A".repeat(10_000) });
    expect((await db().auditEvent.findFirstOrThrow()).userAgent).toHaveLength(256);
  });
});
