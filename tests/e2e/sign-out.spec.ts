import { createUser } from "../factories/user";
import { expect, test } from "./fixtures";

test("after sign-out, a copy of the old session cookie is refused", async ({
  page,
  browser,
  login,
  clientIp,
}) => {
  await login(await createUser());
  const stolen = await page.context().cookies();
  expect(stolen.some((c) => c.name.includes("session-token"))).toBe(true);

  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);

  const replay = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });
  await replay.addCookies(stolen);
  const other = await replay.newPage();
  await other.goto("/dashboard");
  await expect(other).toHaveURL(/\/sign-in$/);
  await expect(other.getByRole("heading", { name: "My 2FA Credentials" })).toHaveCount(0);
  await replay.close();
});
