import { createUser } from "../factories/user";
import { expect, test } from "./fixtures";

test("My Account: the profile refuses a blank name, then saves a valid one", async ({ page, login }) => {
  await login(await createUser({ firstName: "Alex" }));
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
});

test("support disabling an account ends that user's open session on its next request", async ({
  page,
  login,
  loginElsewhere,
}) => {
  // The user is signed in in one browser...
  const user = await createUser();
  await login(user);

  // ...and support finds the account in another and disables it, with a reason and a confirmation.
  const support = await loginElsewhere(await createUser({ role: "SUPPORT" }));
  await support.goto(`/admin?q=${encodeURIComponent(user.email)}`);
  await support.getByRole("link", { name: `${user.firstName} ${user.lastName}` }).click();
  const disable = support.getByRole("form", { name: "Disable Account" });
  await disable.getByRole("button", { name: "Disable Account" }).click();
  await expect(disable.getByText("State the reason")).toBeVisible();
  await disable.getByLabel("Reason for Disable Account").fill("Account reported as compromised by its owner");
  await disable.getByLabel("I checked who is asking.").check();
  await disable.getByRole("button", { name: "Disable Account" }).click();
  await expect(support.getByText("Account disabled and signed out.")).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/sign-in$/);

  await support.reload();
  const enable = support.getByRole("form", { name: "Enable Account" });
  await enable.getByLabel("Reason for Enable Account").fill("Owner confirmed identity by phone call");
  await enable.getByLabel("I checked who is asking.").check();
  await enable.getByRole("button", { name: "Enable Account" }).click();
  await expect(support.getByText("Account enabled.")).toBeVisible();
});
