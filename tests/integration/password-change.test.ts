import { beforeEach, describe, expect, it } from "vitest";
import { changePassword, signInWithPassword } from "@/lib/accounts/service";
import { resolveSession } from "@/lib/sessions/service";
import { createUser } from "../factories/user";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { waitForEmail } from "../setup/outbox";

const NEW_PASSWORD = "granite-lantern-orchard-57";

beforeEach(resetDb);

describe("changePassword", () => {
  it("refuses a wrong current password, keeps the old one and audits the failure", async () => {
    const user = await createUser();
    const sessionId = await createSignedInSession(user.id);

    const error = await expectDomainError(
      changePassword(
        { userId: user.id, sessionId },
        { currentPassword: "not-my-password-1", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        fromIp(),
      ),
      "accounts.current_password_incorrect",
    );

    expect(error.details.fieldErrors).toHaveProperty("currentPassword");
    await expect(
      signInWithPassword({ login: user.email, password: user.password }, fromIp()),
    ).resolves.toHaveProperty("ticket");
    expect(await resolveSession(sessionId, new Date())).not.toBeNull();
    expect(await db().auditEvent.count({ where: { type: "PASSWORD_CHANGED", result: "FAILURE" } })).toBe(1);
  });

  it("with the right current password switches passwords, ends sessions and emails the owner", async () => {
    const user = await createUser();
    const sessionId = await createSignedInSession(user.id);

    await changePassword(
      { userId: user.id, sessionId },
      { currentPassword: user.password, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      fromIp(),
    );

    expect(await resolveSession(sessionId, new Date())).toBeNull();
    await expectDomainError(
      signInWithPassword({ login: user.email, password: user.password }, fromIp()),
      "accounts.invalid_credentials",
    );
    await expect(
      signInWithPassword({ login: user.email, password: NEW_PASSWORD }, fromIp()),
    ).resolves.toHaveProperty("ticket");
    await waitForEmail(user.email, "Your password was changed");
  });
});
