import { createUser } from "../factories/user";
import { expect, SESSION_COOKIE, test } from "./fixtures";

test("every page carries a fresh nonce-based CSP and the security headers; its scripts all run under it", async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) violations.push(m.text());
  });
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const csp = first.headers()["content-security-policy"]!;
  expect(csp).toContain("frame-ancestors 'none'");
  const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(second.headers()["content-security-policy"], "a new nonce on every response").not.toBe(csp);
  expect(first.headers()).toMatchObject({
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
  });
  expect(first.headers()["permissions-policy"]).toContain("camera=()");

  // The browser runs the page under that policy: every script has the nonce, none is refused.
  await page.goto("/sign-in");
  await page.getByLabel("Email Address or User ID").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not the right password");
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByText("do not match our records")).toBeVisible();
  expect(await page.evaluate(() => [...document.scripts].every((s) => s.src !== "" || s.nonce !== ""))).toBe(
    true,
  );
  expect(violations).toEqual([]);

  // Only the capture pages may use the camera; route handlers allow nothing to run.
  const capture = await request.get("/proof/capture/id", { maxRedirects: 0 });
  expect(capture.headers()["permissions-policy"]).toContain("camera=(self)");
  const api = await request.get("/api/dev/outbox?to=nobody@example.com");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()["strict-transport-security"]).toBeTruthy();
});

test("the session and known-device cookies are __Host-, Secure, HttpOnly and SameSite=Lax", async ({
  page,
  signIn,
}) => {
  const user = await createUser();
  await signIn(user.username, user.password);
  const cookies = await page.context().cookies();
  for (const name of [SESSION_COOKIE, "__Host-mag_device"]) {
    expect(
      cookies.find((c) => c.name === name),
      name,
    ).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
      path: "/",
    });
  }
  expect(cookies.filter((c) => !c.name.startsWith("__Host-")).map((c) => c.name)).toEqual([]);
});
