import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/service";
import { createUser } from "../factories/user";
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
