import { beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/accounts/service";
import { claimSessionTicket, resolveSession } from "@/lib/sessions/service";
import { createUser } from "../factories/user";
import { ticketOf } from "../setup/sign-in";
import { fromIp } from "../factories/request";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { outboxFor } from "../setup/outbox";

beforeEach(resetDb);

describe("signInWithPassword", () => {
  it("signs in by email, ignoring case and spaces, and the ticket opens a session for that user", async () => {
    const user = await createUser({ email: "alice@example.test" });
    const { ticket } = ticketOf(
      await signInWithPassword({ login: " ALICE@Example.TEST ", password: user.password }, fromIp()),
    );

    const sessionId = await claimSessionTicket(ticket, new Date());
    expect(sessionId).not.toBeNull();
    expect(await resolveSession(sessionId!, new Date())).toMatchObject({
      userId: user.id,
      email: "alice@example.test",
    });
  });

  it("signs in by user ID, ignoring case", async () => {
    const user = await createUser({ username: "asmith" });
    const { ticket } = ticketOf(
      await signInWithPassword({ login: "ASmith", password: user.password }, fromIp()),
    );
    expect(await claimSessionTicket(ticket, new Date())).not.toBeNull();
  });

  it("gives an unknown account and a wrong password the same error", async () => {
    const user = await createUser();
    const unknown = await expectDomainError(
      signInWithPassword({ login: "nobody@example.test", password: user.password }, fromIp()),
      "accounts.invalid_credentials",
    );
    const wrong = await expectDomainError(
      signInWithPassword({ login: user.email, password: "not-the-password-1" }, fromIp()),
      "accounts.invalid_credentials",
    );
    expect(wrong.details).toEqual(unknown.details);
    expect(await db().session.count()).toBe(0);
  });

  it("refuses a password that differs only in case", async () => {
    const user = await createUser();
    await expectDomainError(
      signInWithPassword({ login: user.email, password: user.password.toUpperCase() }, fromIp()),
      "accounts.invalid_credentials",
    );
  });

  it("refuses an unverified email with the right password and sends a fresh verification link", async () => {
    const user = await createUser({ emailVerifiedAt: null });
    await expectDomainError(
      signInWithPassword({ login: user.email, password: user.password }, fromIp()),
      "accounts.email_not_verified",
    );
    expect(await db().session.count()).toBe(0);
    expect((await outboxFor(user.email)).map((m) => m.subject)).toEqual(["Verify your email address"]);
  });

  it("refuses a disabled account with the right password", async () => {
    const user = await createUser({ status: "DISABLED" });
    await expectDomainError(
      signInWithPassword({ login: user.username, password: user.password }, fromIp()),
      "accounts.account_disabled",
    );
    expect(await db().session.count()).toBe(0);
  });

  it("does not tell a disabled account apart when the password is wrong", async () => {
    const user = await createUser({ status: "DISABLED" });
    await expectDomainError(
      signInWithPassword({ login: user.username, password: "not-the-password-1" }, fromIp()),
      "accounts.invalid_credentials",
    );
  });
});

describe("session tickets", () => {
  it("can be claimed only once, even by 20 requests at the same time", async () => {
    const user = await createUser();
    const { ticket } = ticketOf(
      await signInWithPassword({ login: user.email, password: user.password }, fromIp()),
    );

    const now = new Date();
    const claims = await Promise.all(Array.from({ length: 20 }, () => claimSessionTicket(ticket, now)));

    const sessionIds = claims.filter((id) => id !== null);
    expect(sessionIds).toHaveLength(1);
    expect(await claimSessionTicket(ticket, new Date())).toBeNull();
  });

  it("expire one minute after the password check", async () => {
    const user = await createUser();
    const { ticket } = ticketOf(
      await signInWithPassword({ login: user.email, password: user.password }, fromIp()),
    );
    expect(await claimSessionTicket(ticket, new Date(Date.now() + 61_000))).toBeNull();
  });

  it("refuse a made-up ticket", async () => {
    expect(await claimSessionTicket("a".repeat(43), new Date())).toBeNull();
    expect(await claimSessionTicket("", new Date())).toBeNull();
  });
});
