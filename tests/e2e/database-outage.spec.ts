import type { ChildProcess } from "node:child_process";
import { startBuiltProcess } from "../setup/built-process";
import { randomUUID } from "node:crypto";
import { freePort, stopGroup } from "./processes";
import { expect, SESSION_COOKIE, sessionCookieValue, test } from "./fixtures";

// A second portal process of this build whose database cannot be reached (nothing listens on port 1).
function startPortalWithoutDatabase(port: number): ChildProcess {
  return startBuiltProcess("server", {
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: "postgresql://postgres@127.0.0.1:1/portal",
    DATABASE_CONNECT_TIMEOUT_MS: "1000",
    LOG_FILE: "",
    LOG_LEVEL: "silent",
  });
}

test("with the database unreachable, pages and the API answer 503 with Retry-After, and nobody is signed out", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const BASE = `http://127.0.0.1:${port}`;
  const portal = startPortalWithoutDatabase(port);
  try {
    await expect
      .poll(
        () =>
          fetch(`${BASE}/sign-in`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);
    const cookie = `${SESSION_COOKIE}=${await sessionCookieValue(randomUUID())}`;
    const page = await fetch(`${BASE}/dashboard`, { headers: { cookie }, redirect: "manual" });
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    // The session cookie is neither cleared nor replaced by a sign-in redirect.
    expect(page.headers.get("location")).toBeNull();
    expect(page.headers.get("set-cookie") ?? "").not.toContain(`${SESSION_COOKIE}=;`);

    const api = await fetch(`${BASE}/api/v1/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "demo", password: "correct-horse-battery-staple" }),
    });
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");
    expect(await api.json()).toMatchObject({ error: { code: "service.unavailable" } });
  } finally {
    stopGroup(portal);
  }
});
