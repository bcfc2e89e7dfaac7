import { expect, test } from "./fixtures";

test("My Account: the profile refuses a blank name, then saves a valid one", async ({ page, signIn }) => {
  await signIn("agent");
  await page.getByRole("link", { name: "My Account" }).click();
  await expect(
    page.getByRole("navigation", { name: "My Account" }).getByRole("link", { name: "Profile" }),
  ).toHaveAttribute("aria-current", "page");

  await page.getByLabel("First Name").fill("   ");
  await page.getByRole("button", { name: "Save Profile" }).click();
  await expect(page.getByText("Enter your first name.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("First Name")).toHaveValue("Alex");

  await page.getByLabel("First Name").fill("Alexis");
  await page.getByRole("button", { name: "Save Profile" }).click();
  await expect(page.getByText("Your profile was saved.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Welcome, Alexis" })).toBeVisible();

  await page.goto("/account");
  await page.getByLabel("First Name").fill("Alex");
  await page.getByRole("button", { name: "Save Profile" }).click();
  await expect(page.getByText("Your profile was saved.")).toBeVisible();
});

test("an admin disabling an account ends that user's open session on its next request", async ({
  page,
  browser,
  signIn,
  clientIp,
}) => {
  // The user signs in in one browser...
  const userContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });
  const userPage = await userContext.newPage();
  await userPage.goto("/sign-in");
  await userPage.getByLabel("Email Address or User ID").fill("support");
  await userPage.getByLabel("Password").fill("correct-horse-battery-staple");
  await userPage.getByRole("button", { name: "Log In" }).click();
  await expect(userPage).toHaveURL(/\/dashboard$/);

  // ...and an admin disables the account in another, then enables it again.
  await signIn("admin");
  await page.goto("/admin?q=support");
  await page.getByRole("link", { name: "Sam Support" }).click();
  await page.getByRole("button", { name: "Disable Account" }).click();
  await expect(page.getByText("Account disabled and signed out.")).toBeVisible();

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/sign-in$/);

  await page.getByRole("button", { name: "Enable Account" }).click();
  await expect(page.getByText("Account enabled.")).toBeVisible();
  await userContext.close();
});
