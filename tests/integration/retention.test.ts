import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/core/env";
import { runRetention } from "@/lib/retention/service";
import { createSignedInSession } from "../factories/session";
import { createUser } from "../factories/user";
import { db, resetDb } from "../setup/db";

const NOW = new Date("2026-12-01T03:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60_000);

async function auditRowAt(createdAt: Date, detail: object) {
  await db().$executeRaw`
    INSERT INTO audit_events (type, result, ip, detail, "createdAt")
    VALUES ('SIGN_IN', 'SUCCESS', '203.0.113.9', ${JSON.stringify(detail)}::jsonb, ${createdAt})`;
}

const archiveDir = () => env().AUDIT_ARCHIVE_DIR;

beforeEach(async () => {
  await resetDb();
  rmSync(archiveDir(), { recursive: true, force: true });
});

describe("the daily retention run", () => {
  it("deletes what nobody can use any more and keeps everything still in use", async () => {
    const user = await createUser();
    const ended = await createSignedInSession(user.id, daysAgo(3));
    const live = await createSignedInSession(user.id, NOW);
    await db().session.update({ where: { id: ended }, data: { expiresAt: daysAgo(2) } });
    await db().job.createMany({
      data: [
        { kind: "old", payload: {}, runAt: daysAgo(9), doneAt: daysAgo(8) },
        { kind: "recent", payload: {}, runAt: daysAgo(6), doneAt: daysAgo(6) },
        { kind: "pending", payload: {}, runAt: daysAgo(9) },
      ],
    });
    await db().processedStripeEvent.createMany({
      data: [
        { eventId: "evt_old", type: "x", processedAt: daysAgo(31) },
        { eventId: "evt_recent", type: "x", processedAt: daysAgo(29) },
      ],
    });
    await db().outboxMessage.createMany({
      data: [
        { channel: "EMAIL", to: "a@example.com", body: "old", createdAt: daysAgo(8) },
        { channel: "EMAIL", to: "a@example.com", body: "recent", createdAt: daysAgo(6) },
      ],
    });
    await db().messageDelivery.createMany({
      data: [
        { sid: "SMold", status: "delivered", updatedAt: daysAgo(31) },
        { sid: "SMrecent", status: "delivered", updatedAt: daysAgo(29) },
      ],
    });

    const counts = await runRetention(NOW);

    expect(counts).toMatchObject({
      sessions: 1,
      jobs: 1,
      processed_stripe_events: 1,
      outbox_messages: 1,
      message_deliveries: 1,
    });
    expect((await db().session.findMany()).map((s) => s.id)).toEqual([live]);
    expect((await db().job.findMany({ orderBy: { kind: "asc" } })).map((j) => j.kind)).toEqual([
      "pending",
      "recent",
    ]);
    expect((await db().processedStripeEvent.findMany()).map((e) => e.eventId)).toEqual(["evt_recent"]);
    expect((await db().outboxMessage.findMany()).map((m) => m.body)).toEqual(["recent"]);
    expect((await db().messageDelivery.findMany()).map((d) => d.sid)).toEqual(["SMrecent"]);
  });

  it("archives audit rows past AUDIT_RETENTION_DAYS to CSV, then deletes them; newer rows stay", async () => {
    const retention = env().AUDIT_RETENTION_DAYS;
    await auditRowAt(daysAgo(retention + 10), { note: 'a "quoted", comma' });
    await auditRowAt(daysAgo(retention + 1), { note: "second" });
    await auditRowAt(daysAgo(retention - 1), { note: "kept" });

    expect((await runRetention(NOW)).audit_events_archived).toBe(2);

    const remaining = await db().auditEvent.findMany();
    expect(remaining.map((r) => r.detail)).toEqual([{ note: "kept" }]);
    const [file, ...others] = readdirSync(archiveDir());
    expect(others).toEqual([]);
    expect(file).toMatch(/^audit-\d{4}-\d{2}-000000000001-000000000002\.csv$/);
    const csv = readFileSync(path.join(archiveDir(), file!), "utf8").split("\r\n");
    expect(csv[0]).toBe("id,createdAt,type,result,actorId,subjectUserId,ip,userAgent,detail");
    expect(csv[1]).toContain(',SIGN_IN,SUCCESS,,,203.0.113.9,,"{""note"":""a \\""quoted\\"", comma""}"');
    expect(csv[2]).toContain('"{""note"":""second""}"');
    // A second run finds nothing more to archive.
    expect((await runRetention(NOW)).audit_events_archived).toBe(0);
  });

  it("leaves the audit trail append-only for everything else", async () => {
    await auditRowAt(daysAgo(1), { note: "x" });
    await expect(db().$executeRaw`DELETE FROM audit_events`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`UPDATE audit_events SET ip = NULL`).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count()).toBe(1);
  });
});
