import { createUser } from "../factories/user";
import { expect, test } from "./fixtures";

test("signs in with the user ID and with the email address", async ({ page, signIn, expectAccessible }) => {
  await page.goto("/sign-in");
  await expectAccessible(page);
  // The README's demo account, by its user ID.
  await signIn("demo");
  await expect(page.getByRole("heading", { name: "My 2FA Credentials" })).toBeVisible();
  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await signIn("Demo@Example.com");
});

test("a wrong password and an unknown account get the same message", async ({ page }) => {
  const user = await createUser();
  const attempt = async (login: string, password: string) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email Address or User ID").fill(login);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log In" }).click();
    await expect(page.getByText("do not match our records")).toBeVisible();
    await expect(page.getByLabel("Email Address or User ID")).toHaveValue(login);
    await expect(page.getByLabel("Password")).toHaveValue("");
  };
  await attempt(user.email, "not the right password");
  await attempt("nobody@example.com", "not the right password");
});

test("the sixth attempt within a minute is refused, even with the right password", async ({ page }) => {
  const user = await createUser({ role: "SUPPORT" });
  for (let i = 0; i < 5; i += 1) {
    await page.goto("/sign-in");
    await page.getByLabel("Email Address or User ID").fill(user.username);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Log In" }).click();
    await expect(page.getByText("do not match our records")).toBeVisible();
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email Address or User ID").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByText(/Too many sign-in attempts\. .*Try again in \d+ seconds?\./)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the whole sign-in works with the keyboard alone", async ({ page }) => {
  const user = await createUser();
  await page.goto("/sign-in");
  await page.getByLabel("Email Address or User ID").focus();
  await page.keyboard.type(user.username);
  await page.keyboard.press("Tab");
  await page.keyboard.type(user.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);
  const getTwoFa = page.getByRole("link", { name: "Get 2FA" });
  for (let i = 0; i < 15 && !(await getTwoFa.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(getTwoFa).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/store$/);
});
