import { beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword, signUp, verifyEmail } from "@/lib/accounts/service";
import { SignUpInputSchema, type SignUpInput } from "@/lib/accounts/schemas";
import { createUser } from "../factories/user";
import { fromIp } from "../factories/request";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { linkToken, outboxFor, waitForEmail } from "../setup/outbox";

const PASSWORD = "violet-kettle-harbour-92";

function signUpForm(overrides: Partial<Record<keyof SignUpInput, string>> = {}): SignUpInput {
  return SignUpInputSchema.parse({
    firstName: "Alice",
    lastName: "Smith",
    email: "Alice.Smith@Example.test",
    username: "ASmith",
    password: PASSWORD,
    confirmPassword: PASSWORD,
    country: "us",
    ...overrides,
  });
}

beforeEach(resetDb);

describe("signUp", () => {
  it("creates an unverified account and emails a link that verifies it", async () => {
    await signUp(signUpForm(), fromIp());

    const user = await db().user.findUniqueOrThrow({ where: { email: "alice.smith@example.test" } });
    expect(user).toMatchObject({
      username: "asmith",
      country: "US",
      role: "USER",
      status: "ACTIVE",
      emailVerifiedAt: null,
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);

    const email = await waitForEmail("alice.smith@example.test", "Verify your email address");
    expect(email.body).toContain("Hello Alice");
    await verifyEmail(linkToken(email.body), fromIp());

    const verified = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(verified.emailVerifiedAt).toBeInstanceOf(Date);
    const types = (
      await db().auditEvent.findMany({ where: { subjectUserId: user.id }, orderBy: { id: "asc" } })
    ).map((e) => e.type);
    expect(types).toEqual(["ACCOUNT_CREATED", "EMAIL_VERIFIED"]);
    await expect(
      signInWithPassword({ login: "asmith", password: PASSWORD }, fromIp()),
    ).resolves.toHaveProperty("ticket");
  });

  it("refuses a verification link that was already used", async () => {
    await signUp(signUpForm(), fromIp());
    const token = linkToken(
      (await waitForEmail("alice.smith@example.test", "Verify your email address")).body,
    );
    await verifyEmail(token, fromIp());

    await expectDomainError(verifyEmail(token, fromIp()), "accounts.link_invalid");
  });

  it("refuses an unknown verification token", async () => {
    await expectDomainError(verifyEmail("x".repeat(43), fromIp()), "accounts.link_invalid");
  });

  it("refuses a verification link after 24 hours and leaves the email unverified", async () => {
    const now = new Date();
    await signUp(signUpForm(), fromIp(), now);
    const token = linkToken(
      (await waitForEmail("alice.smith@example.test", "Verify your email address")).body,
    );

    await expectDomainError(
      verifyEmail(token, fromIp(), new Date(now.getTime() + 24 * 3_600_000)),
      "accounts.link_invalid",
    );
    const user = await db().user.findUniqueOrThrow({ where: { email: "alice.smith@example.test" } });
    expect(user.emailVerifiedAt).toBeNull();
  });

  it("refuses a taken user ID, whatever its case, and creates no second account", async () => {
    await createUser({ username: "asmith", email: "first@example.test" });

    const error = await expectDomainError(
      signUp(signUpForm({ username: "ASMITH" }), fromIp()),
      "accounts.username_taken",
    );

    expect(error.details.fieldErrors).toHaveProperty("username");
    expect(await db().user.count()).toBe(1);
    expect(await db().emailToken.count()).toBe(0);
    // Once a later sign-up's email has arrived, any email for the refused one would have too.
    await signUp(signUpForm({ email: "bob@example.test", username: "bob" }), fromIp());
    await waitForEmail("bob@example.test", "Verify your email address");
    expect(await outboxFor("alice.smith@example.test")).toEqual([]);
  });

  it("answers a taken email like a new sign-up, changes nothing, and tells the owner by email", async () => {
    const owner = await createUser({ email: "alice.smith@example.test", firstName: "Original" });

    await expect(signUp(signUpForm({ username: "someone-else" }), fromIp())).resolves.toBeUndefined();

    const notice = await waitForEmail("alice.smith@example.test", "You already have a MAG account");
    expect(notice.body).toMatch(/\/sign-in/);
    expect(notice.body).toMatch(/\/forgot-password/);
    expect(notice.body).not.toMatch(/token=/);
    expect(await db().user.count()).toBe(1);
    expect(await db().user.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({
      firstName: "Original",
      username: owner.username,
    });
    expect(await db().emailToken.count()).toBe(0);
    expect((await outboxFor("alice.smith@example.test")).map((m) => m.subject)).toEqual([
      "You already have a MAG account",
    ]);
  });

  it("refuses a weak password next to the password field and writes nothing", async () => {
    const weak = "alice-smith-123";
    const error = await expectDomainError(
      signUp(signUpForm({ password: weak, confirmPassword: weak }), fromIp()),
      "input.invalid",
    );

    expect(error.details.fieldErrors?.password).toMatch(/name, email address or user ID/);
    expect(await db().user.count()).toBe(0);
    expect(await db().emailToken.count()).toBe(0);
    expect(await db().auditEvent.count()).toBe(0);
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it("refuses a password shorter than 12 characters", async () => {
    const error = await expectDomainError(
      signUp(signUpForm({ password: "short-pw-1", confirmPassword: "short-pw-1" }), fromIp()),
      "input.invalid",
    );
    expect(error.details.fieldErrors?.password).toMatch(/at least 12/);
    expect(await db().user.count()).toBe(0);
  });
});
