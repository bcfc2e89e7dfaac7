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

test("changing the email address: password, the new address's link, and the old address's undo", async ({
  page,
  login,
  outbox,
  expectAccessible,
}) => {
  const user = await createUser();
  await login(user);
  await page.goto("/account");
  // By keyboard alone, from the profile's link to the undo.
  await page.getByRole("link", { name: "Change email address" }).press("Enter");
  await expect(page.getByText(`Your User ID, ${user.username}, cannot be changed`)).toBeVisible();
  await expectAccessible(page);

  const newAddress = `moved.${user.username}@example.test`;
  await page.getByLabel("New Email Address").fill(newAddress);
  await page.getByLabel("Current Password").fill("not my password at all");
  await page.getByRole("button", { name: "Change Email Address" }).press("Enter");
  await expect(page.getByText("Your current password is incorrect.").first()).toBeVisible();

  await page.getByLabel("Current Password").fill(user.password);
  await page.getByLabel("Current Password").press("Enter");
  await expect(page.getByText(`We sent a link to ${newAddress}.`)).toBeVisible();

  await page.goto(await outbox.link(newAddress, /^Confirm your new email address$/));
  await page.getByRole("button", { name: "Confirm Email Address" }).press("Enter");
  await expect(page.getByText(`Done: your MAG account's email address is now ${newAddress}.`)).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText(newAddress)).toBeVisible();

  // The old address undoes it: the account goes back, every browser is signed out, a new password is chosen.
  await page.goto(await outbox.link(user.email, /^Your MAG email address was changed$/));
  await page.getByRole("button", { name: "Undo Email Change" }).press("Enter");
  await expect(page.getByText("Your account's email address is back")).toBeVisible();
  await page.getByLabel("New Password", { exact: true }).fill("granite lantern orchard 57");
  await page.getByLabel("Confirm New Password").fill("granite lantern orchard 57");
  await page.getByRole("button", { name: "Reset Password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?passwordReset=1/);
  await page.getByLabel("Email Address or User ID").fill(user.email);
  await page.getByLabel("Password").fill("granite lantern orchard 57");
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("Close my account: what happens, password and confirmation; signing in within 30 days offers to reopen it", async ({
  page,
  login,
  outbox,
  expectAccessible,
}) => {
  const user = await createUser();
  await login(user);
  await page.goto("/account/data");
  await page.getByRole("link", { name: "Close my account" }).press("Enter");
  await expect(page.getByRole("heading", { name: "What happens when you close your account" })).toBeVisible();
  await expectAccessible(page);

  // By keyboard: the password, then the button without the tick is refused.
  await page.getByLabel("Current Password").fill(user.password);
  await page.getByLabel("Current Password").press("Enter");
  await expect(page.getByText("Tick the box to confirm you understand what closing does.")).toBeVisible();
  await page.getByLabel("Current Password").fill(user.password);
  await page.getByRole("checkbox", { name: /I understand/ }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Close My Account" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sign-in\?closed=1/);
  await expect(page.getByText("Your account is closed and you are signed out.")).toBeVisible();
  await outbox.latest(user.email, (m) => m.subject === "Your MAG account is closed");

  await page.getByLabel("Email Address or User ID").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Your account is closed" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Reopen My Account" }).press("Enter");
  await expect(page.getByText("Your account is open again. Please log in.")).toBeVisible();
  await page.getByLabel("Email Address or User ID").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test.describe("in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("dates follow the browser's time zone, detected on the first page, and the one chosen on the profile", async ({
    page,
    login,
  }) => {
    await login(await createUser());
    // The first signed-in page reported the browser's zone; the profile shows it from then on.
    await expect(async () => {
      await page.goto("/account");
      await expect(page.getByLabel("Time Zone")).toHaveValue("Asia/Tokyo", { timeout: 1_000 });
    }).toPass();
    await page.goto("/account/security");
    await expect(page.getByRole("listitem").filter({ hasText: "(this browser)" })).toContainText(
      /\d{2}:\d{2} GMT\+9/,
    );

    await page.goto("/account");
    await page.getByLabel("Time Zone").selectOption("Europe/Paris");
    await page.getByRole("button", { name: "Save Profile" }).press("Enter");
    await expect(page.getByText("Your profile was saved.")).toBeVisible();
    await page.goto("/account/security");
    await expect(page.getByRole("listitem").filter({ hasText: "(this browser)" })).toContainText(
      /\d{2}:\d{2} CES?T/,
    );
  });
});
