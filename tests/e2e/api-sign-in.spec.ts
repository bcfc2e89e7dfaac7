import { DEMO_PASSWORD, expect, test } from "./fixtures";

test("partner API: password sign-in opens a session; bad input and wrong passwords get coded JSON errors", async ({
  request,
}) => {
  const bad = await request.post("/api/v1/sign-in", { data: { login: "" } });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({
    error: { code: "input.invalid", fields: { login: expect.any(String), password: expect.any(String) } },
  });

  const notJson = await request.post("/api/v1/sign-in", { form: { login: "demo", password: DEMO_PASSWORD } });
  expect(notJson.status()).toBe(415);
  // The exact media type: a JSON body labelled as anything else is refused, and nothing signs in.
  const smuggled = await request.post("/api/v1/sign-in", {
    headers: { "content-type": "text/plain; x=application/json" },
    data: JSON.stringify({ login: "demo", password: DEMO_PASSWORD }),
  });
  expect(smuggled.status()).toBe(415);
  expect(await smuggled.json()).toMatchObject({ error: { code: "request.media_type" } });

  const wrong = await request.post("/api/v1/sign-in", {
    data: { login: "demo", password: "not the password" },
  });
  expect(wrong.status()).toBe(401);
  expect(await wrong.json()).toMatchObject({ error: { code: "accounts.invalid_credentials" } });

  const ok = await request.post("/api/v1/sign-in", { data: { login: "demo", password: DEMO_PASSWORD } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ status: "authenticated" });
  const dashboard = await request.get("/dashboard");
  expect(await dashboard.text()).toContain("My 2FA Credentials");
});
