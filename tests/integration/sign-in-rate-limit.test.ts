import { beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/accounts/service";
import { RATE_LIMITS } from "@/lib/core/rate-limit";
import { createUser } from "../factories/user";
import { fromIp } from "../factories/request";
import { postTo, withApiV1Server } from "../setup/api-v1-server";
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

  it("a stranger who spends the account's failure budget does not lock out a browser that signed in before", async () => {
    const { points } = RATE_LIMITS["sign_in.account_failures"];
    const user = await createUser();
    const owner = fromIp("192.0.2.10");
    const signedIn = await signInWithPassword({ login: user.email, password: user.password }, owner);
    if (signedIn.kind !== "session") throw new Error("expected a password session");
    const ownersDevice = signedIn.deviceToken;

    for (let i = 0; i < points; i++) {
      await expectDomainError(
        signInWithPassword({ login: user.email, password: WRONG }, fromIp(`198.51.100.${i + 1}`)),
        "accounts.invalid_credentials",
      );
    }
    // Everyone else, the owner on a new browser included, waits out the budget...
    await expectDomainError(
      signInWithPassword({ login: user.email, password: user.password }, fromIp("192.0.2.11")),
      "accounts.too_many_attempts",
    );
    // ...but the owner's known browser still gets in, and a forged or another account's token does not.
    await expect(
      signInWithPassword({ login: user.email, password: user.password }, owner, new Date(), ownersDevice),
    ).resolves.toMatchObject({ kind: "session" });
    const forged = ownersDevice.replace(/.$/, (c) => (c === "a" ? "b" : "a"));
    await expectDomainError(
      signInWithPassword({ login: user.email, password: user.password }, owner, new Date(), forged),
      "accounts.too_many_attempts",
    );
    const other = await createUser();
    const othersSession = await signInWithPassword({ login: other.email, password: other.password }, owner);
    if (othersSession.kind !== "session") throw new Error("expected a password session");
    await expectDomainError(
      signInWithPassword(
        { login: user.email, password: user.password },
        owner,
        new Date(),
        othersSession.deviceToken,
      ),
      "accounts.too_many_attempts",
    );
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

// The same limits over HTTP, behind one trusted proxy (TRUST_PROXY_HOPS=1): the attacker writes whatever it
// likes into X-Forwarded-For, the proxy appends the address it saw, and only that one counts.
describe("sign-in rate limits over HTTP behind a load balancer", () => {
  const apiBase = withApiV1Server({ trustedHops: 1 });
  const REAL = "198.51.100.23";
  let spoof = 0;
  const attempt = (login: string, password: string) => {
    spoof += 1;
    return postTo(
      apiBase(),
      "/api/v1/sign-in",
      { login, password },
      { "x-forwarded-for": `10.9.${spoof >> 8}.${spoof & 255}, ${REAL}` },
    );
  };
  const bodyCode = async (response: Response) => [
    response.status,
    ((await response.json()) as { error?: { code: string } }).error?.code,
  ];

  it("answers the 6th try for one login 429 with Retry-After, however X-Forwarded-For rotates", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++)
      expect(await bodyCode(await attempt(user.email, WRONG))).toEqual([401, "accounts.invalid_credentials"]);

    const refused = await attempt(user.email, user.password);
    expect(await bodyCode(refused)).toEqual([429, "accounts.too_many_attempts"]);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers the 21st try from one address across logins 429, however X-Forwarded-For rotates", async () => {
    const users = await Promise.all(Array.from({ length: 7 }, () => createUser()));
    const answers: unknown[] = [];
    for (let i = 0; i < 21; i++) answers.push(await bodyCode(await attempt(users[i % 7]!.email, WRONG)));
    expect(answers.slice(0, 20)).toEqual(Array(20).fill([401, "accounts.invalid_credentials"]));
    expect(answers[20]).toEqual([429, "accounts.too_many_attempts"]);
  });
});
