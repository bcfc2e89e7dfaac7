import { createUser } from "../factories/user";
import { expect, test } from "./fixtures";

test("a forgotten password is reset by the emailed link, which works once", async ({
  page,
  signIn,
  outbox,
}) => {
  // Not yet verified: the reset link proves the mailbox too.
  const user = await createUser({ emailVerifiedAt: null });

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email Address or User ID").fill(user.username);
  await page.getByRole("button", { name: "Send Reset Link" }).click();
  await expect(page.getByText("If an account matches")).toBeVisible();

  const link = await outbox.link(user.email, /Reset your password/);
  await page.goto(link);
  await page.getByLabel("New Password", { exact: true }).fill("a brand new long passphrase");
  await page.getByLabel("Confirm New Password").fill("a brand new long passphrase");
  await page.getByRole("button", { name: "Reset Password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  // The reset link also proves the mailbox, so the new password signs in straight away.
  await signIn(user.email, "a brand new long passphrase");

  await page.goto(link);
  await page.getByLabel("New Password", { exact: true }).fill("yet another long passphrase");
  await page.getByLabel("Confirm New Password").fill("yet another long passphrase");
  await page.getByRole("button", { name: "Reset Password" }).click();
  await expect(page.getByText("This link is invalid or has expired.")).toBeVisible();
});
