import { expect, test } from "./fixtures";

test("a user without a staff role is refused on /admin", async ({ page, signIn }) => {
  await signIn("demo");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
});

test("support searches users by name, email address and user ID", async ({
  page,
  signIn,
  expectAccessible,
}) => {
  await signIn("support@example.com");
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

test("support filters the audit log and exports it as CSV; other roles are refused", async ({
  page,
  signIn,
  expectAccessible,
}) => {
  await signIn("support@example.com");
  await page.getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Audit Log" }).click();
  await page.getByLabel("User (email or user ID)").fill("support");
  await page.getByLabel("Action").selectOption("SIGN_IN");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("cell", { name: "SIGN_IN" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "support@example.com" }).first()).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get("/admin/audit/export?user=support&type=SIGN_IN");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe('"time","action","result","user","actor","ip","user agent","detail"');
  expect(text).toContain('"SIGN_IN","SUCCESS","support@example.com"');

  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await signIn("agent@example.com");
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
  expect((await page.request.get("/admin/audit/export")).status()).toBe(403);
});
