import { createUser } from "../factories/user";
import { expect, test } from "./fixtures";

// My Account › Security: where the user is signed in, signing other browsers out, and recent security events.

test("Security lists each signed-in browser; Sign out and Sign out everywhere else end the others", async ({
  page,
  signIn,
  loginElsewhere,
  expectAccessible,
}) => {
  const user = await createUser();
  // Through the sign-in page, so this session knows its browser.
  await signIn(user.email, user.password);
  const laptop = await loginElsewhere(user);

  await page.goto("/account");
  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Where you are signed in" })).toBeVisible();
  await expectAccessible(page);
  const sessions = page.getByRole("region", { name: "Where you are signed in" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText(/^Chrome on \w+\s*\(this browser\)/);
  await expect(sessions.first()).toContainText("Password");

  // By keyboard alone: focus the other browser's Sign out and press Enter.
  await sessions.nth(1).getByRole("button", { name: "Sign out" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("1 other browser is signed out.")).toBeVisible();
  await laptop.goto("/dashboard");
  await expect(laptop).toHaveURL(/\/sign-in/);

  const phone = await loginElsewhere(user);
  const tablet = await loginElsewhere(user);
  await page.reload();
  await expect(sessions).toHaveCount(3);
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByText("2 other browsers are signed out.")).toBeVisible();
  for (const other of [phone, tablet]) {
    await other.goto("/dashboard");
    await expect(other).toHaveURL(/\/sign-in/);
  }
  await page.reload();
  await expect(sessions).toHaveCount(1);
  const events = page.getByRole("list", { name: "Recent security events" });
  await expect(events.getByText("Signed out everywhere else")).toBeVisible();
  await expect(events.getByText("A session was signed out")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out everywhere else" })).toHaveCount(0);
});

test("a sign-in from a new browser is emailed; This wasn't me signs it out and opens a password reset", async ({
  page,
  browser,
  clientIp,
  signIn,
  outbox,
  expectAccessible,
}) => {
  const user = await createUser();
  await signIn(user.email, user.password);

  // Another browser, without this account's device cookie, signs in with the (stolen) password.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });
  const intruder = await context.newPage();
  await intruder.goto("/sign-in");
  await intruder.getByLabel("Email Address or User ID").fill(user.email);
  await intruder.getByLabel("Password").fill(user.password);
  await intruder.getByRole("button", { name: "Log In" }).click();
  await expect(intruder).toHaveURL(/\/dashboard$/);

  const link = await outbox.link(user.email, /^New sign-in to your MAG account$/);
  await page.goto(link);
  await expectAccessible(page);
  // By keyboard: the link itself changes nothing, the button does.
  await page.getByRole("button", { name: "This wasn't me" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("That browser is signed out.")).toBeVisible();
  await intruder.goto("/dashboard");
  await expect(intruder).toHaveURL(/\/sign-in/);

  await page.getByLabel("New Password", { exact: true }).fill("granite lantern orchard 57");
  await page.getByLabel("Confirm New Password").fill("granite lantern orchard 57");
  await page.getByRole("button", { name: "Reset Password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?passwordReset=1/);

  // The owner's own browser is known: signing in again sends no new notice.
  await signIn(user.email, "granite lantern orchard 57");
  const notices = (await outbox.all(user.email)).filter(
    (m) => m.subject === "New sign-in to your MAG account",
  );
  expect(notices).toHaveLength(1);
  await context.close();
});
