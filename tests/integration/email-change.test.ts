import { beforeEach, describe, expect, it, vi } from "vitest";
import { confirmEmailChange, requestEmailChange, undoEmailChange } from "@/lib/accounts/email-change";
import { resetPassword, signInWithPassword } from "@/lib/accounts/service";
import { createUser, TEST_PASSWORD } from "../factories/user";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { linkToken, outboxFor, waitForEmail } from "../setup/outbox";

beforeEach(resetDb);

const NEW_ADDRESS = "erin.new@example.test";

async function confirmLink(to = NEW_ADDRESS) {
  return linkToken((await waitForEmail(to, "Confirm your new email address")).body);
}

describe("changing the email address", () => {
  it("needs the password and a link to the new address; the old address may undo it for 7 days", async () => {
    const user = await createUser();
    await requestEmailChange(user.id, { email: NEW_ADDRESS, currentPassword: TEST_PASSWORD }, fromIp());
    // Nothing changes until the new address answers.
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    expect(await confirmEmailChange(await confirmLink(), fromIp())).toBe(NEW_ADDRESS);
    const moved = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(moved.email).toBe(NEW_ADDRESS);
    expect(moved.username).toBe(user.username);
    // Signing in works with the new address, not the old one.
    await expect(
      signInWithPassword({ login: NEW_ADDRESS, password: TEST_PASSWORD }, fromIp()),
    ).resolves.toBeTruthy();
    await expectDomainError(
      signInWithPassword({ login: user.email, password: TEST_PASSWORD }, fromIp()),
      "accounts.invalid_credentials",
    );

    const notice = await waitForEmail(user.email, "Your MAG email address was changed");
    expect(notice.body).toContain(NEW_ADDRESS);
    const session = await createSignedInSession(user.id);
    const resetToken = await undoEmailChange(linkToken(notice.body), fromIp());
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect((await db().session.findUniqueOrThrow({ where: { id: session } })).revokedAt).not.toBeNull();
    await resetPassword(
      {
        token: resetToken,
        password: "granite-lantern-orchard-57",
        confirmPassword: "granite-lantern-orchard-57",
      },
      fromIp(),
    );
    await expectDomainError(undoEmailChange(linkToken(notice.body), fromIp()), "accounts.link_invalid");

    const types = (
      await db().auditEvent.findMany({ where: { subjectUserId: user.id }, orderBy: { id: "asc" } })
    ).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(["EMAIL_CHANGE_REQUESTED", "EMAIL_CHANGED", "EMAIL_CHANGE_UNDONE"]),
    );
  });

  it("refuses a wrong password or the same address, and changes nothing", async () => {
    const user = await createUser();
    await expectDomainError(
      requestEmailChange(user.id, { email: NEW_ADDRESS, currentPassword: "not the password" }, fromIp()),
      "accounts.current_password_incorrect",
    );
    await expectDomainError(
      requestEmailChange(user.id, { email: user.email, currentPassword: TEST_PASSWORD }, fromIp()),
      "accounts.email_unchanged",
    );
    expect(await db().emailToken.count({ where: { userId: user.id, purpose: "CHANGE_EMAIL" } })).toBe(0);
    expect(await outboxFor(NEW_ADDRESS)).toEqual([]);
  });

  it("an address with an account is told instead, and the caller sees the same answer", async () => {
    const user = await createUser();
    const other = await createUser();
    await requestEmailChange(user.id, { email: other.email, currentPassword: TEST_PASSWORD }, fromIp());
    const notice = await waitForEmail(other.email, "Someone tried to use this address for a MAG account");
    expect(notice.body).not.toContain("token=");
    expect(await db().emailToken.count({ where: { userId: user.id, purpose: "CHANGE_EMAIL" } })).toBe(0);
  });

  it("a link is void once used, after 24 hours, after a newer request, or when the address was taken since", async () => {
    const user = await createUser();
    const change = () =>
      requestEmailChange(user.id, { email: NEW_ADDRESS, currentPassword: TEST_PASSWORD }, fromIp());
    await change();
    const first = await confirmLink();
    await expectDomainError(
      confirmEmailChange(first, fromIp(), new Date(Date.now() + 25 * 3_600_000)),
      "accounts.link_invalid",
    );

    await change();
    const latest = await vi.waitFor(
      async () => {
        const newer = (await outboxFor(NEW_ADDRESS)).map((m) => linkToken(m.body)).find((t) => t !== first);
        if (!newer) throw new Error("second link not sent yet");
        return newer;
      },
      { timeout: 5_000, interval: 20 },
    );
    await expectDomainError(confirmEmailChange(first, fromIp()), "accounts.link_invalid");

    // Someone signs up with the address before the link is opened.
    await createUser({ email: NEW_ADDRESS });
    await expectDomainError(confirmEmailChange(latest, fromIp()), "accounts.email_in_use");
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("two parallel confirmations of one link move the account once", async () => {
    const user = await createUser();
    await requestEmailChange(user.id, { email: NEW_ADDRESS, currentPassword: TEST_PASSWORD }, fromIp());
    const token = await confirmLink();
    const results = await Promise.allSettled([1, 2, 3].map(() => confirmEmailChange(token, fromIp())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().emailToken.count({ where: { userId: user.id, purpose: "UNDO_EMAIL_CHANGE" } })).toBe(1);
  });
});
