import { expect, newUser, test } from "./fixtures";

test("a new user signs up, verifies the email from the outbox, signs in and sees My 2FA Credentials", async ({
  page,
  signUp,
  signIn,
  outbox,
  expectAccessible,
}) => {
  const user = newUser();
  await page.goto("/sign-up");
  await expectAccessible(page);
  await signUp(user);

  // Not verified yet: the password is right, but sign-in asks for the email link first.
  await page.goto("/sign-in");
  await page.getByLabel("Email Address or User ID").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByText("Please verify your email address first.")).toBeVisible();

  await page.goto(await outbox.link(user.email, /Verify your email address/));
  await page.getByRole("button", { name: "Verify Email Address" }).click();
  await expect(page.getByText("Your email address is verified.")).toBeVisible();

  await signIn(user.email, user.password);
  const section = page.getByRole("region", { name: "My 2FA Credentials" });
  await expect(section).toBeVisible();
  await expect(section.getByRole("link", { name: "Get 2FA" })).toHaveAttribute("href", "/store");
  await expect(section.getByText("Have a License key?")).toBeVisible();
  await expect(section.getByRole("link", { name: "Enter it here" })).toBeVisible();
  await expectAccessible(page);

  await section.getByRole("link", { name: "Get 2FA" }).click();
  await expect(page.getByRole("heading", { name: "Web Store" })).toBeVisible();
});

test("sign-up refuses bad input next to each field and keeps what was typed", async ({ page }) => {
  const user = newUser();
  await page.goto("/sign-up");
  await page.getByLabel("First Name").fill(user.firstName);
  await page.getByLabel("Last Name").fill(user.lastName);
  await page.getByLabel("Email Address").fill("not-an-email");
  await page.getByLabel("User ID").fill(user.username);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByLabel("Confirm Password").fill("something else entirely");
  await page.getByRole("button", { name: "Create Account" }).click();

  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await expect(page.getByText("Select your country.")).toBeVisible();
  await expect(page.getByLabel("First Name")).toHaveValue(user.firstName);
  await expect(page.getByLabel("User ID")).toHaveValue(user.username);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

  // Nothing was created: the same user ID is still free.
  await page.getByLabel("Email Address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByLabel("Confirm Password").fill(user.password);
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Create Account" }).click();
  await expect(page.getByText(`we sent a verification link to ${user.email}`)).toBeVisible();
});
