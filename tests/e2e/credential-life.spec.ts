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
