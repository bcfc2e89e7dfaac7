import { decode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { cookieName, SESSION_COOKIE } from "@/lib/core/cookies";
import { env } from "@/lib/core/env";
import { resolveSession } from "@/lib/sessions/service";
import { createActiveCredential } from "../factories/credential";
import { createUser, TEST_PASSWORD } from "../factories/user";
import { postTo, withApiV1Server } from "../setup/api-v1-server";
import { db, resetDb } from "../setup/db";
import { latestCode } from "../setup/otp";

// The partner sign-in API as server.ts serves it, outside Next's router: the answers, the refusals and the
// session cookie next-auth then reads.

const apiBase = withApiV1Server();
beforeEach(resetDb);

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  postTo(apiBase(), path, body, headers);

/** The session id inside the Set-Cookie, decoded as next-auth decodes its own cookie. */
async function sessionIn(response: Response): Promise<string> {
  const [pair] = (response.headers.get("set-cookie") ?? "").split(";");
  const [name, value] = pair!.split("=");
  expect(name).toBe(cookieName(SESSION_COOKIE));
  const token = await decode({ token: value, secret: env().AUTH_SECRET, salt: name! });
  expect(typeof token?.sid).toBe("string");
  // It lasts as long as a session may, and each cookie is its own token.
  expect(Number(token!.exp) - Number(token!.iat)).toBe(env().SESSION_MAX_HOURS * 3600);
  expect(token!.jti).toMatch(/^[0-9a-f-]{36}$/);
  return token!.sid as string;
}

describe("the partner sign-in API outside the router", () => {
  it("password only: authenticated, with a session cookie next-auth reads", async () => {
    const user = await createUser();
    const response = await post("/api/v1/sign-in", { login: user.username, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "authenticated" });
    expect(response.headers.get("set-cookie")).toMatch(/; Path=\/; Expires=.*; HttpOnly; SameSite=Lax/);
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const session = await resolveSession(await sessionIn(response), new Date());
    expect(session).toMatchObject({ userId: user.id, authLevel: "PASSWORD" });
    expect((await db().session.findFirstOrThrow({ where: { userId: user.id } })).ip).toBe("203.0.113.77");
  });

  it("with a phone: otp_required, code_sent, then a PASSWORD_OTP session", async () => {
    const { user, phones } = await createActiveCredential({ phones: 1 });
    const step1 = await post("/api/v1/sign-in", { login: user.email, password: TEST_PASSWORD });
    const {
      status,
      challenge,
      phones: choices,
    } = (await step1.json()) as {
      status: string;
      challenge: string;
      phones: { id: string }[];
    };
    expect(status).toBe("otp_required");
    expect(step1.headers.get("set-cookie")).toBeNull();
    const sent = await post("/api/v1/sign-in/otp/send", {
      challenge,
      phoneId: choices[0]!.id,
      channel: "SMS",
    });
    expect(await sent.json()).toMatchObject({ status: "code_sent" });

    const wrong = await post("/api/v1/sign-in/otp/verify", { challenge, code: "000000" });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const right = await post("/api/v1/sign-in/otp/verify", {
      challenge,
      code: await latestCode(phones[0]!.e164),
    });
    expect(await right.json()).toEqual({ status: "authenticated", authLevel: "PASSWORD_OTP" });
    const session = await resolveSession(await sessionIn(right), new Date());
    expect(session).toMatchObject({ userId: user.id, authLevel: "PASSWORD_OTP" });
  });

  it("refuses the wrong method, media type, size, JSON, fields and origin, with the route handlers' codes", async () => {
    const user = await createUser();
    const good = { login: user.email, password: TEST_PASSWORD };
    const cases: [Promise<Response>, number, string][] = [
      [fetch(`${apiBase()}/api/v1/sign-in`), 405, "request.method"],
      [post("/api/v1/sign-in", good, { "content-type": "text/plain" }), 415, "request.media_type"],
      [
        post("/api/v1/sign-in", JSON.stringify({ ...good, pad: "x".repeat(20_000) })),
        413,
        "request.too_large",
      ],
      [post("/api/v1/sign-in", "{not json"), 400, "input.invalid"],
      [post("/api/v1/sign-in", { login: "" }), 400, "input.invalid"],
      [post("/api/v1/sign-in", good, { origin: "https://evil.example" }), 403, "request.cross_site"],
      [
        post("/api/v1/sign-in", { ...good, password: "wrong password here" }),
        401,
        "accounts.invalid_credentials",
      ],
    ];
    for (const [call, status, code] of cases) {
      const response = await call;
      expect([response.status, ((await response.json()) as { error: { code: string } }).error.code]).toEqual([
        status,
        code,
      ]);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });
});
