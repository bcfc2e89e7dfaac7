import { createUser } from "../factories/user";
import { expect, SESSION_COOKIE, test } from "./fixtures";
import { confirmItsYou, phoneNumbers, registerPhone } from "./phone-helpers";

test("a user without a staff role is refused on /admin", async ({ page, login }) => {
  await login(await createUser());
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
});

test("support searches users by name, email address and user ID", async ({
  page,
  login,
  expectAccessible,
}) => {
  // The demo accounts are the ones searched for.
  await login(await createUser({ role: "SUPPORT" }));
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  const search = page.getByLabel("Search users by name, email address or user ID");

  for (const query of ["Dana Demo", "demo@example", "agent"]) {
    await search.fill(query);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("table", { name: "Matching users" })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Alex Agent" })).toBeVisible();
  await expectAccessible(page);

  await search.fill("no such person anywhere");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No users match")).toBeVisible();
});

test("a new support member signs in with the password, must register a phone before any console page, then filters the audit log and exports it as CSV; other roles are refused", async ({
  page,
  signIn,
  login,
  latestCode,
  expectAccessible,
  browser,
}) => {
  // Signed in through the page, so that the audit log holds this support member's SIGN_IN.
  const support = await createUser({ role: "SUPPORT" });
  await signIn(support.username, support.password);
  await page.getByRole("link", { name: "Admin" }).click();
  // A password alone opens no console page: the staff credential (no purchase) waits for a phone.
  await expect(page.getByRole("heading", { name: "Set up phone one-time passcode" })).toBeVisible();
  await expect(page.getByText("Administration")).toHaveCount(0);
  for (const path of ["/admin", "/admin/audit", "/admin/invoices"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/credentials\/[0-9a-f-]{36}\/phones$/);
  }
  const [phone] = phoneNumbers(1);
  await registerPhone(page, phone!, latestCode);
  // The new phone proves itself, not this session: a code on it opens the consoles (a new session id).
  const passwordOnly = (await page.context().cookies()).filter((c) => c.name === SESSION_COOKIE);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/verify\?next=(%2F|\/)admin$/);
  await confirmItsYou(page, phone!, latestCode);
  await expect(page).toHaveURL(/\/admin$/);
  // A copy of the password-only cookie taken before the step-up no longer signs anyone in.
  const copy = await browser.newContext();
  await copy.addCookies(passwordOnly);
  const replay = await copy.newPage();
  await replay.goto("/dashboard");
  await expect(replay).toHaveURL(/\/sign-in$/);
  await copy.close();
  await page.getByRole("link", { name: "Audit Log" }).click();
  await page.getByLabel("User (email or user ID)").fill(support.username);
  await page.getByLabel("Action").selectOption("SIGN_IN");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("cell", { name: "SIGN_IN" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: support.email }).first()).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get(`/admin/audit/export?user=${support.username}&type=SIGN_IN`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe('"time","action","result","user","actor","ip","user agent","detail"');
  expect(text).toContain(`"SIGN_IN","SUCCESS","${support.email}"`);

  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await login(await createUser({ role: "PROOFING_AGENT" }));
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
  expect((await page.request.get("/admin/audit/export")).status()).toBe(403);
});
