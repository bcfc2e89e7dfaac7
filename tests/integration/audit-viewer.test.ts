import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLogCsv, recordAudit, searchAuditLog } from "@/lib/audit/service";
import { createUser } from "../factories/user";
import { useTestClock } from "../setup/clock";
import { resetDb } from "../setup/db";

beforeEach(async () => {
  await resetDb();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the audit log viewer", () => {
  it("filters by user, actor, action and UTC dates (the end date included)", async () => {
    const alice = await createUser();
    const staff = await createUser({ role: "SUPPORT" });
    // Audit rows cannot be updated (append-only), so the clock places them in time.
    const clock = useTestClock(new Date("2026-11-20T23:59:00Z"));
    await recordAudit({
      type: "ACCOUNT_DISABLED",
      result: "SUCCESS",
      actorId: staff.id,
      subjectUserId: alice.id,
    });
    clock.advance(10 * 24 * 60 * 60_000);
    await recordAudit({ type: "SIGN_IN", result: "SUCCESS", actorId: alice.id, subjectUserId: alice.id });
    await recordAudit({ type: "SIGN_IN", result: "FAILURE", subjectUserId: staff.id });

    expect((await searchAuditLog({ user: alice.email })).map((r) => r.type)).toEqual([
      "SIGN_IN",
      "ACCOUNT_DISABLED",
    ]);
    expect((await searchAuditLog({ actor: staff.username })).map((r) => r.type)).toEqual([
      "ACCOUNT_DISABLED",
    ]);
    expect((await searchAuditLog({ type: "SIGN_IN" })).map((r) => r.result)).toEqual(["FAILURE", "SUCCESS"]);
    expect((await searchAuditLog({ from: "2026-11-20", to: "2026-11-20" })).map((r) => r.type)).toEqual([
      "ACCOUNT_DISABLED",
    ]);
    expect(await searchAuditLog({ user: "nobody@example.test" })).toEqual([]);
    expect(await searchAuditLog({ type: "NOT_AN_ACTION" })).toEqual([]);
  });

  it("exports CSV with quoted cells, neutralised formulas and escaped control characters", async () => {
    const alice = await createUser();
    await recordAudit({
      type: "SIGN_IN",
      result: "FAILURE",
      subjectUserId: alice.id,
      ip: "203.0.113.9",
      userAgent: '=HYPERLINK("http://evil.test","x")\r\nInjected: yes',
      detail: { reason: 'he said "hi"' },
    });
    const csv = auditLogCsv(await searchAuditLog({ user: alice.email }));
    const [header, row, end] = csv.split("\r\n");
    expect(header).toBe('"time","action","result","user","actor","ip","user agent","detail"');
    expect(row).toContain(`"SIGN_IN","FAILURE","${alice.email}","","203.0.113.9"`);
    expect(row).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")\\x0d\\x0aInjected: yes"`);
    expect(row).toContain('"{""reason"":""he said \\""hi\\""""}"');
    expect(end).toBe("");
  });
});
