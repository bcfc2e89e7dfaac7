import { beforeEach, describe, expect, it } from "vitest";
import { noticeSignInFromNewDevice, reportSignIn } from "@/lib/accounts/new-device";
import { resetPassword, signInWithPassword } from "@/lib/accounts/service";
import { resolveSession } from "@/lib/sessions/service";
import { createUser } from "../factories/user";
import { fromIp } from "../factories/request";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { linkToken, outboxFor, waitForEmail } from "../setup/outbox";

const SUBJECT = "New sign-in to your MAG account";

beforeEach(resetDb);

/** A password sign-in from a browser holding `deviceToken`, noticed as the sign-in page does. */
async function signInFrom(user: { email: string; password: string }, deviceToken?: string) {
  const opened = await signInWithPassword({ login: user.email, password: user.password }, fromIp());
  if (opened.kind !== "session") throw new Error("expected a password-only session");
  await noticeSignInFromNewDevice(
    { ...opened, deviceToken },
    fromIp("198.51.100.7", "Mozilla/5.0 Firefox/140.0"),
    new Date(),
  );
  return opened;
}

describe("new-device sign-in notice", () => {
  it("emails a sign-in from a browser without the account's device cookie, not the first sign-in nor a known browser", async () => {
    const user = await createUser();
    const first = await signInFrom(user);
    await signInFrom(user, first.deviceToken);
    const other = await createUser();
    const strangerToken = (await signInFrom(other)).deviceToken;
    // Another account's device cookie is not this account's.
    await signInFrom(user, strangerToken);
    const mail = await waitForEmail(user.email, SUBJECT);
    // Emails leave in order: by now the sign-ins before would have sent theirs.
    expect(await outboxFor(user.email)).toHaveLength(1);
    expect(mail.body).toContain("Firefox");
    expect(mail.body).toContain("198.51.100.7");
    expect(mail.body).toContain("This wasn't me");
    expect(await outboxFor(other.email)).toEqual([]);
  });

  it("This wasn't me ends that session and opens a password reset, once", async () => {
    const user = await createUser();
    const mine = await signInFrom(user);
    const theirs = await signInFrom(user);
    const token = linkToken((await waitForEmail(user.email, SUBJECT)).body);

    const resetToken = await reportSignIn(token, fromIp());
    const [ended, stillMine] = await Promise.all([
      db().session.findUniqueOrThrow({ where: { id: theirs.sessionId } }),
      db().session.findUniqueOrThrow({ where: { id: mine.sessionId } }),
    ]);
    expect(ended.revokedAt).not.toBeNull();
    expect(stillMine.revokedAt).toBeNull();
    expect(await resolveSession(theirs.sessionId, new Date())).toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "SIGN_IN_REPORTED" } });
    expect(audit.subjectUserId).toBe(user.id);
    expect(audit.detail).toMatchObject({ sessionId: theirs.sessionId, ended: true });

    await expectDomainError(reportSignIn(token, fromIp()), "accounts.link_invalid");
    await resetPassword(
      {
        token: resetToken,
        password: "granite-lantern-orchard-57",
        confirmPassword: "granite-lantern-orchard-57",
      },
      fromIp(),
    );
    await expect(
      signInWithPassword({ login: user.email, password: user.password }, fromIp()),
    ).rejects.toThrow();
    expect(
      (await db().session.findUniqueOrThrow({ where: { id: mine.sessionId } })).revokedAt,
    ).not.toBeNull();
  });

  it("refuses an unknown or expired link and changes nothing", async () => {
    const user = await createUser();
    await signInFrom(user);
    const theirs = await signInFrom(user);
    const token = linkToken((await waitForEmail(user.email, SUBJECT)).body);
    await expectDomainError(reportSignIn("x".repeat(43), fromIp()), "accounts.link_invalid");
    const eightDaysOn = new Date(Date.now() + 8 * 24 * 3_600_000);
    await expectDomainError(reportSignIn(token, fromIp(), eightDaysOn), "accounts.link_invalid");
    expect((await db().session.findUniqueOrThrow({ where: { id: theirs.sessionId } })).revokedAt).toBeNull();
    expect(await db().emailToken.count({ where: { userId: user.id, purpose: "RESET_PASSWORD" } })).toBe(0);
  });
});
