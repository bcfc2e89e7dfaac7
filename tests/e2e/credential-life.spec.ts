import { createActiveCredential } from "../factories/credential";
import { expect, test } from "./fixtures";

// A credential's year: the expiry banner, renewal, and what expiry changes.

test("from 30 days before expiry the dashboard says when, and Renew opens the store on that credential", async ({
  page,
  login,
  sql,
}) => {
  const { user, credentialId, sessionId } = await createActiveCredential();
  await sql(
    `UPDATE credentials SET "expiresAt" = now() + interval '12 days' - interval '1 hour' WHERE id = $1`,
    [credentialId],
  );
  await login(user, sessionId);

  const banner = page.getByText(/Your credential .* expires in 12 days, on \d{4}-\d{2}-\d{2} \(UTC\)\./);
  await expect(banner).toBeVisible();
  await page.getByRole("link", { name: "Renew" }).first().click();
  await expect(page.getByText(/Renewing .*: one more year from/)).toBeVisible();
});

test("recovery codes on Manage OTP: shown once with Download and Print, then only counted", async ({
  page,
  login,
}) => {
  const { user, sessionId } = await createActiveCredential();
  await login(user, sessionId);
  await page.goto("/account/manage-otp");
  const section = page.getByRole("region", { name: "Recovery codes" });
  await expect(section.getByText("You have 0 unused recovery codes.")).toBeVisible();

  await section.getByRole("button", { name: "Generate Recovery Codes" }).click();
  const codes = section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expect(codes.first()).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  const shown = await codes.first().textContent();
  await expect(section.getByRole("link", { name: "Download" })).toHaveAttribute(
    "download",
    "mag-recovery-codes.txt",
  );
  await expect(section.getByRole("button", { name: "Print" })).toBeVisible();

  await page.reload();
  await expect(section.getByText("You have 10 unused recovery codes.")).toBeVisible();
  await expect(page.getByText(shown!)).toHaveCount(0);
  await expect(section.getByRole("button", { name: "Generate New Recovery Codes" })).toBeVisible();
});
