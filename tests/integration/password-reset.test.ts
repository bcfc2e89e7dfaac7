import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestPasswordReset, resetPassword, signInWithPassword } from "@/lib/accounts/service";
import { readOutbox } from "@/lib/messaging/service";
import { resolveSession } from "@/lib/sessions/service";
import { createUser } from "../factories/user";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { linkToken, outboxFor, waitForEmail } from "../setup/outbox";

const NEW_PASSWORD = "granite-lantern-orchard-57";

beforeEach(resetDb);

async function requestResetToken(login: string, email: string, now = new Date()): Promise<string> {
  await requestPasswordReset({ login }, fromIp(), now);
  return linkToken((await waitForEmail(email, "Reset your password")).body);
}

/** The token of a reset email other than the one carrying `previous`. */
async function waitForNewToken(to: string, previous: string): Promise<string> {
  return vi.waitFor(
    async () => {
      const tokens = (await outboxFor(to)).map((m) => linkToken(m.body)).filter((t) => t !== previous);
      if (!tokens[0]) throw new Error("second email not sent yet");
      return tokens[0];
    },
    { timeout: 5_000, interval: 20 },
  );
}

describe("requestPasswordReset", () => {
  it("for an unknown login writes no token or audit row and sends nothing", async () => {
    const known = await createUser();
    await requestPasswordReset({ login: "nobody@example.test" }, fromIp());
    await requestPasswordReset({ login: "nobody" }, fromIp());
    // A known account's email is sent the same way; once it has arrived, any email for the others would have too.
    await requestResetToken(known.email, known.email);

    expect(await db().emailToken.count({ where: { userId: { not: known.id } } })).toBe(0);
    expect(
      await db().auditEvent.count({
        where: { OR: [{ subjectUserId: { not: known.id } }, { subjectUserId: null }] },
      }),
    ).toBe(0);
    expect((await readOutbox({}))?.map((m) => m.to)).toEqual([known.email]);
  });

  it("for a disabled account sends nothing", async () => {
    const disabled = await createUser({ status: "DISABLED" });
    const known = await createUser();
    await requestPasswordReset({ login: disabled.email }, fromIp());
    await requestResetToken(known.email, known.email);

    expect(await db().emailToken.count({ where: { userId: disabled.id } })).toBe(0);
    expect(await outboxFor(disabled.email)).toEqual([]);
  });

  it("for a known user ID sends exactly one email to the account's address", async () => {
    const user = await createUser({ username: "asmith", firstName: "Alice" });
    await requestPasswordReset({ login: "ASmith" }, fromIp());

    const email = await waitForEmail(user.email, "Reset your password");
    expect(email.body).toContain("Hello Alice");
    expect(await outboxFor(user.email)).toHaveLength(1);
    expect(await db().outboxMessage.count()).toBe(1);
  });

  it("stores only a hash of the token", async () => {
    const user = await createUser();
    const token = await requestResetToken(user.email, user.email);
    const rows = await db().$queryRaw<
      { row: string }[]
    >`SELECT row_to_json(t)::text AS row FROM email_tokens t`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(token);
  });

  it("a newer link replaces the older one", async () => {
    const user = await createUser();
    await requestPasswordReset({ login: user.email }, fromIp());
    const first = linkToken((await waitForEmail(user.email, "Reset your password")).body);
    await requestPasswordReset({ login: user.email }, fromIp());
    const second = await waitForNewToken(user.email, first);

    await expectDomainError(
      resetPassword({ token: first, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, fromIp()),
      "accounts.link_invalid",
    );
    await resetPassword({ token: second, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, fromIp());
  });
});

describe("resetPassword", () => {
  it("sets the new password once, ends every session and retires the old password", async () => {
    const user = await createUser();
    const sessionId = await createSignedInSession(user.id);
    const token = await requestResetToken(user.email, user.email);

    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, fromIp());

    expect(await resolveSession(sessionId, new Date())).toBeNull();
    await expectDomainError(
      signInWithPassword({ login: user.email, password: user.password }, fromIp()),
      "accounts.invalid_credentials",
    );
    await expect(
      signInWithPassword({ login: user.email, password: NEW_PASSWORD }, fromIp("198.51.100.5")),
    ).resolves.toHaveProperty("ticket");
    await expectDomainError(
      resetPassword(
        { token, password: "another-fine-passphrase-8", confirmPassword: "another-fine-passphrase-8" },
        fromIp(),
      ),
      "accounts.link_invalid",
    );
    const changed = await db().auditEvent.findFirstOrThrow({
      where: { type: "PASSWORD_CHANGED", subjectUserId: user.id },
    });
    expect(changed).toMatchObject({ result: "SUCCESS", detail: { via: "reset_link" } });
  });

  it("refuses a link after one hour", async () => {
    const user = await createUser();
    const now = new Date();
    const token = await requestResetToken(user.email, user.email, now);
    await expectDomainError(
      resetPassword(
        { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        fromIp(),
        new Date(now.getTime() + 3_600_000),
      ),
      "accounts.link_invalid",
    );
    await expect(
      signInWithPassword({ login: user.email, password: user.password }, fromIp()),
    ).resolves.toHaveProperty("ticket");
  });

  it("refuses a weak new password and leaves the link usable", async () => {
    const user = await createUser({ firstName: "Bartholomew" });
    const token = await requestResetToken(user.email, user.email);

    const error = await expectDomainError(
      resetPassword({ token, password: "bartholomew-2024", confirmPassword: "bartholomew-2024" }, fromIp()),
      "input.invalid",
    );
    expect(error.details.fieldErrors).toHaveProperty("password");
    await expect(
      signInWithPassword({ login: user.email, password: user.password }, fromIp()),
    ).resolves.toHaveProperty("ticket");

    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, fromIp());
  });

  it("verifies the email address of an unverified account, since the link proves the mailbox", async () => {
    const user = await createUser({ emailVerifiedAt: null });
    const token = await requestResetToken(user.email, user.email);
    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, fromIp());
    await expect(
      signInWithPassword({ login: user.email, password: NEW_PASSWORD }, fromIp()),
    ).resolves.toHaveProperty("ticket");
  });
});
