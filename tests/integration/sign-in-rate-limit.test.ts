import { beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/accounts/service";
import { RATE_LIMITS } from "@/lib/core/rate-limit";
import { createUser } from "../factories/user";
import { fromIp } from "../factories/request";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";

beforeEach(resetDb);

const WRONG = "definitely-wrong-password";

describe("sign-in rate limits", () => {
  it("refuses the 6th attempt for one login from one address, even with the right password", async () => {
    expect(RATE_LIMITS["sign_in.account_ip"]).toMatchObject({ points: 5, durationSeconds: 60 });
    const user = await createUser();
    const attacker = fromIp("203.0.113.66");
    for (let i = 0; i < 5; i++) {
      await expectDomainError(
        signInWithPassword({ login: user.email, password: WRONG }, attacker),
        "accounts.invalid_credentials",
      );
    }

    const refused = await expectDomainError(
      signInWithPassword({ login: user.email, password: user.password }, attacker),
      "accounts.too_many_attempts",
    );
    expect(refused.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.details.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts the same login in another case or with spaces as the same login", async () => {
    const user = await createUser({ username: "asmith" });
    const attacker = fromIp("203.0.113.66");
    for (const login of ["asmith", "ASMITH", " asmith ", "ASmith", "aSmItH"]) {
      await expectDomainError(
        signInWithPassword({ login, password: WRONG }, attacker),
        "accounts.invalid_credentials",
      );
    }
    await expectDomainError(
      signInWithPassword({ login: "asmith", password: user.password }, attacker),
      "accounts.too_many_attempts",
    );
  });

  it("still lets the account owner in from another address", async () => {
    const user = await createUser();
    for (let i = 0; i < 6; i++) {
      await signInWithPassword({ login: user.email, password: WRONG }, fromIp("203.0.113.66")).catch(
        () => undefined,
      );
    }

    await expect(
      signInWithPassword({ login: user.email, password: user.password }, fromIp("198.51.100.20")),
    ).resolves.toHaveProperty("ticket");
  });

  it("refuses the 21st attempt from one address across different logins", async () => {
    const user = await createUser();
    const sprayer = fromIp("203.0.113.99");
    for (let i = 0; i < 20; i++) {
      await expectDomainError(
        signInWithPassword({ login: `victim-${i}@example.test`, password: WRONG }, sprayer),
        "accounts.invalid_credentials",
      );
    }

    const refused = await expectDomainError(
      signInWithPassword({ login: user.email, password: user.password }, sprayer),
      "accounts.too_many_attempts",
    );
    expect(refused.details.retryAfterSeconds).toBeGreaterThan(0);
    await expect(
      signInWithPassword({ login: user.email, password: user.password }, fromIp("198.51.100.20")),
    ).resolves.toHaveProperty("ticket");
  });

  it("counts an account's email and user ID as the same account", async () => {
    const user = await createUser();
    const attacker = fromIp("203.0.113.66");
    for (let i = 0; i < 5; i++) {
      const login = i % 2 === 0 ? user.username : user.email;
      await expectDomainError(
        signInWithPassword({ login, password: WRONG }, attacker),
        "accounts.invalid_credentials",
      );
    }
    await expectDomainError(
      signInWithPassword({ login: user.username, password: user.password }, attacker),
      "accounts.too_many_attempts",
    );
  });

  it("stops guessing one account from many addresses once its failure budget is spent", async () => {
    const { points } = RATE_LIMITS["sign_in.account_failures"];
    const user = await createUser();
    for (let i = 0; i < points; i++) {
      const login = i % 2 === 0 ? user.username : user.email;
      const ip = `198.51.${Math.floor(i / 200)}.${(i % 200) + 1}`;
      await expectDomainError(
        signInWithPassword({ login, password: WRONG }, fromIp(ip)),
        "accounts.invalid_credentials",
      );
    }

    const refused = await expectDomainError(
      signInWithPassword({ login: user.email, password: user.password }, fromIp("192.0.2.200")),
      "accounts.too_many_attempts",
    );
    expect(refused.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("records each refusal in the audit trail as rate limited", async () => {
    const user = await createUser();
    for (let i = 0; i < 6; i++) {
      await signInWithPassword({ login: user.email, password: WRONG }, fromIp("203.0.113.66")).catch(
        () => undefined,
      );
    }
    const last = await db().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({ type: "SIGN_IN", result: "FAILURE", detail: { reason: "rate_limited" } });
  });
});
