import { createActiveCredential } from "../factories/credential";
import { expect, test } from "./fixtures";
import { phoneNumbers } from "./phone-helpers";
import { captureOnPhone, proveIdentity } from "./proofing-helpers";
import { completeBilling, payByCard, WITHOUT_PROOFING } from "./store-helpers";

test("Add Proofing Upgrade: from Manage OTP to a proofed credential that keeps its phone and expiry", async ({
  page,
  browser,
  clientIp,
  login,
  outbox,
  latestCode,
}) => {
  // A credential without proofing, with a registered phone, signed in with a phone OTP (the factory's
  // session; phone-otp.spec.ts walks registration and OTP sign-in).
  const { user, phones, sessionId } = await createActiveCredential({ phones: 1 });
  const phone = phones[0]!;
  const [mobile] = phoneNumbers(1);
  await login(user, sessionId);
  const expiry = (await page.getByText(/Active · Expires \d{4}-\d{2}-\d{2}/).textContent())!.match(
    /\d{4}-\d{2}-\d{2}/,
  )![0];

  // My Account › Manage OTP: the requirements, the checkbox, Upgrade.
  await page.goto("/account/manage-otp");
  await expect(page.getByRole("heading", { name: "Add Proofing Upgrade" })).toBeVisible();
  await page.getByRole("button", { name: "Upgrade" }).click();
  await expect(
    page.getByText("Select the checkbox to confirm you understand the requirements."),
  ).toBeVisible();
  await page.getByRole("checkbox", { name: /I understand the requirements/ }).check();
  await page.getByRole("button", { name: "Upgrade" }).click();
  await expect(page.getByRole("group", { name: "Primary Information" })).toBeVisible();
  await completeBilling(page);
  await payByCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText("Your license key is activated.")).toBeVisible();

  // While the upgrade's proofing is pending, signing in still takes the phone OTP.
  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/sign-in");
  await page.getByLabel("Email Address or User ID").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page).toHaveURL(/\/sign-in\/verify$/);
  await page.getByRole("radio", { name: new RegExp(`••${phone.e164.slice(-2)}\\b`) }).check();
  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByText("We texted a code to your phone.")).toBeVisible();
  await page.getByLabel("Verification").fill(await latestCode(phone.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Confirm the identity information and select the country, Next; then self-service proofing.
  await page.getByRole("link", { name: WITHOUT_PROOFING }).click();
  await page.getByRole("link", { name: "Start Identity Proofing" }).click();
  await expect(page.getByText(`${user.firstName} ${user.lastName}`)).toBeVisible();
  // Another test identity ending in 6789: 123-45-6789 is proofed on another account by an earlier spec.
  await proveIdentity(page, "234-56-6789", mobile!.typed);
  const { phone: phoneBrowser } = await captureOnPhone(browser, clientIp, outbox, mobile!.e164);
  await phoneBrowser.close();
  await page.getByRole("button", { name: "ID PROOFING COMPLETED" }).click();
  await expect(page.getByText("Your identity is verified.")).toBeVisible();

  // The same credential: proofed, active, same phone, same expiry.
  await page.goto("/dashboard");
  await expect(page.getByText(`Active · Expires ${expiry}`)).toBeVisible();
  await page.goto("/account/manage-otp");
  await expect(page.getByText(new RegExp(`••${phone.e164.slice(-2)}`))).toBeVisible();
  await expect(page.getByRole("heading", { name: "Add Proofing Upgrade" })).toHaveCount(0);
});
