import { generateRecoveryCodes } from "@/lib/recovery/service";
import { createActiveCredential } from "../factories/credential";
import { fromIp } from "../factories/request";
import { expect, test } from "./fixtures";
import { phoneNumbers, requestPhoneCode } from "./phone-helpers";
import { sawRecoveryCodes } from "./secrets-seen";

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
  await sawRecoveryCodes(codes);
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

test("every phone lost: I can't use my phones, a recovery code, a new phone, and the next sign-in uses it", async ({
  page,
  outbox,
  latestCode,
  expectAccessible,
}) => {
  const { user, phones } = await createActiveCredential({ phones: 2 });
  const codes = await generateRecoveryCodes(user.id, fromIp());
  const passwordStep = async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email Address or User ID").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Log In" }).click();
    await expect(page.getByRole("heading", { name: "Phone one-time passcode" })).toBeVisible();
  };

  await passwordStep();
  await page.getByRole("link", { name: "I can't use my phones" }).click();
  await expect(page.getByRole("heading", { name: "No recovery codes?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Recovery Code", { exact: true }).fill("0000-0000-0000-0000");
  await page.getByRole("button", { name: "Use Recovery Code" }).click();
  await expect(
    page.getByText("This recovery code is not valid, or it was already used.", { exact: true }),
  ).toBeVisible();
  await page.getByLabel("Recovery Code", { exact: true }).fill(codes[0]!.toLowerCase());
  await page.getByRole("button", { name: "Use Recovery Code" }).click();

  await expect(page.getByRole("heading", { name: "Register a new phone" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Phones to replace" }).getByRole("listitem")).toHaveCount(2);
  expect((await outbox.latest(phones[0]!.e164)).body).toContain("A recovery code was used");
  const [fresh] = phoneNumbers(1);
  await requestPhoneCode(page, fresh!, "Send Text");
  await page.getByLabel("Verification").fill(await latestCode(fresh!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Your new phone is registered and you are signed in.")).toBeVisible();

  // Signed out and back in: the new phone is the one offered; the lost ones are gone.
  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await passwordStep();
  const offered = page.getByRole("radio");
  await expect(offered).toHaveCount(1);
  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByText("We texted a code to your phone.")).toBeVisible();
  await page.getByLabel("Verification").fill(await latestCode(fresh!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});
