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
