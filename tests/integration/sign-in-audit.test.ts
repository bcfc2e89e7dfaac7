import { beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/accounts/service";
import { createUser } from "../factories/user";
import { fromIp } from "../factories/request";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";

beforeEach(resetDb);

/** Every `size`-character slice of `text`, so a partly copied secret is caught too. */
function windows(text: string, size: number): string[] {
  return Array.from({ length: text.length - size + 1 }, (_, i) => text.slice(i, i + size));
}

/** Every column of every audit row, as text, to search for leaked secrets. */
async function auditRowsAsText(): Promise<string[]> {
  const rows = await db().$queryRaw<
    { row: string }[]
  >`SELECT row_to_json(a)::text AS row FROM audit_events a ORDER BY id`;
  return rows.map((r) => r.row);
}

describe("sign-in audit trail", () => {
  it("records a success with the session, address and browser", async () => {
    const user = await createUser();
    await signInWithPassword(
      { login: user.email, password: user.password },
      fromIp("203.0.113.77", "Firefox/140"),
    );

    const [event] = await db().auditEvent.findMany();
    expect(event).toMatchObject({
      type: "SIGN_IN",
      result: "SUCCESS",
      actorId: user.id,
      subjectUserId: user.id,
      ip: "203.0.113.77",
      userAgent: "Firefox/140",
      detail: { method: "password" },
    });
    const session = await db().session.findFirstOrThrow({ where: { userId: user.id } });
    expect(event!.detail).toMatchObject({ sessionId: session.id });
  });

  it("records failures for a wrong password and an unknown account", async () => {
    const user = await createUser();
    await expectDomainError(
      signInWithPassword({ login: user.email, password: "wrong-password-1" }, fromIp()),
      "accounts.invalid_credentials",
    );
    await expectDomainError(
      signInWithPassword({ login: "ghost@example.test", password: "wrong-password-2" }, fromIp()),
      "accounts.invalid_credentials",
    );

    const events = await db().auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.result, e.subjectUserId, e.detail])).toEqual([
      ["SIGN_IN", "FAILURE", user.id, { reason: "wrong_password" }],
      ["SIGN_IN", "FAILURE", null, { reason: "unknown_account" }],
    ]);
  });

  it("never stores a submitted password, right or wrong, in any column", async () => {
    const user = await createUser({ password: "Sekrit-Passphrase-4821" });
    await expectDomainError(
      signInWithPassword({ login: user.email, password: "Guessed-Passphrase-7734" }, fromIp()),
      "accounts.invalid_credentials",
    );
    await expectDomainError(
      signInWithPassword({ login: "ghost@example.test", password: "Ghost-Passphrase-9911" }, fromIp()),
      "accounts.invalid_credentials",
    );
    await signInWithPassword({ login: user.email, password: "Sekrit-Passphrase-4821" }, fromIp());

    const rows = await auditRowsAsText();
    expect(rows).toHaveLength(3);
    for (const password of ["Sekrit-Passphrase-4821", "Guessed-Passphrase-7734", "Ghost-Passphrase-9911"]) {
      for (const piece of windows(password, 5)) {
        for (const row of rows) expect(row.toLowerCase()).not.toContain(piece.toLowerCase());
      }
    }
    for (const row of rows) expect(row).not.toMatch(/argon2/);
  });
});
