import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/service";
import { completeSignInWithCode, sendSignInCode, signInWithPassword } from "@/lib/accounts/service";
import { createActiveCredential } from "../factories/credential";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { appRoleStatements } from "../../scripts/app-role-grants";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { latestCode, wrongCode } from "../setup/otp";
import { challengeOf } from "../setup/sign-in";

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

// Reliability case D3: a whole journey (buy, activate, register a phone, sign in with a wrong then the right
// code) leaves one audit row per event, each with its time, result, actor and address.
describe("the audit trail of one user's journey", () => {
  it("has one row per event, each with when, what happened, who and from where", async () => {
    const started = new Date();
    const u = await createActiveCredential();
    const token = challengeOf(
      await signInWithPassword({ login: u.user.email, password: u.user.password }, fromIp("198.51.100.5")),
    );
    await sendSignInCode(token, { phoneId: u.phones[0]!.id, channel: "SMS" }, fromIp("198.51.100.5"));
    const code = await latestCode(u.phones[0]!.e164);
    await expectDomainError(
      completeSignInWithCode(token, wrongCode(code), fromIp("198.51.100.5")),
      "otp.incorrect",
    );
    await completeSignInWithCode(token, code, fromIp("198.51.100.5"));

    const rows = await db().auditEvent.findMany({
      where: { subjectUserId: u.user.id },
      orderBy: { id: "asc" },
    });
    const count = (type: string, result = "SUCCESS", from = 0) =>
      rows.slice(from).filter((r) => r.type === type && r.result === result).length;
    // The set-up: paid, activated, a phone confirmed by its code (and the factory's own signed-in session).
    expect([count("ORDER_PAID"), count("LICENSE_KEY_ACTIVATED"), count("PHONE_ADDED")]).toEqual([1, 1, 1]);
    // The sign-in: one row for each thing that happened in it.
    const signInFrom = rows.findIndex((r) => r.ip === "198.51.100.5");
    expect({
      sent: count("OTP_SENT", "SUCCESS", signInFrom),
      failed: count("OTP_FAILED", "FAILURE", signInFrom),
      verified: count("OTP_VERIFIED", "SUCCESS", signInFrom),
      signedIn: count("SIGN_IN", "SUCCESS", signInFrom),
      all: rows.length - signInFrom,
    }).toEqual({ sent: 1, failed: 1, verified: 1, signedIn: 1, all: 4 });
    // What a person did carries who and from where; every row has its time (stored as UTC) and result.
    const byPerson = [
      "LICENSE_KEY_ACTIVATED",
      "PHONE_ADDED",
      "OTP_SENT",
      "OTP_VERIFIED",
      "OTP_FAILED",
      "SIGN_IN",
    ];
    for (const row of rows) {
      expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      expect(["SUCCESS", "FAILURE", "DENIED"]).toContain(row.result);
      if (byPerson.includes(row.type)) {
        expect(row.ip, row.type).toMatch(/^(192\.0\.2\.1|198\.51\.100\.5)$/);
        expect(row.actorId ?? row.subjectUserId, row.type).toBe(u.user.id);
      }
    }
    const signIn = rows.find((r) => r.type === "SIGN_IN")!;
    expect(signIn).toMatchObject({ ip: "198.51.100.5", userAgent: "Mozilla/5.0 (integration test)" });
  });
});
