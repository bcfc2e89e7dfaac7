import { createUser } from "../factories/user";
import { expect, test } from "./fixtures";
import {
  chooseProduct,
  completeBilling,
  LICENSE_KEY,
  payByCard,
  WITH_PROOFING,
  WITHOUT_PROOFING,
} from "./store-helpers";

test("buys with a card and activates the key from the confirmation page", async ({
  page,
  login,
  outbox,
  expectAccessible,
}) => {
  // Signed in (sign-up.spec.ts walks sign-up and sign-in), on the dashboard.
  const user = await createUser();
  await login(user);
  await page.getByRole("link", { name: "Get 2FA" }).click();
  await expectAccessible(page);
  // The Partner menu narrows the list: Contoso offers only the product with proofing.
  await page.getByLabel("Partner").selectOption({ label: "Contoso Defense Systems" });
  await expect(page.getByRole("radio", { name: WITH_PROOFING })).toBeVisible();
  await expect(page.getByRole("radio", { name: WITHOUT_PROOFING })).toHaveCount(0);

  await chooseProduct(page, WITHOUT_PROOFING);
  await expect(
    page
      .getByRole("navigation", { name: "Purchase steps" })
      .getByText("Primary Information and Billing Address"),
  ).toBeVisible();
  // Prefilled from the profile.
  await expect(page.getByLabel("First Name")).toHaveValue(user.firstName);
  await expect(page.getByLabel("Email Address")).toHaveValue(user.email);
  await expectAccessible(page);
  await completeBilling(page);
  await expectAccessible(page);
  await payByCard(page, "4242 4242 4242 4242");

  await expect(page.getByRole("heading", { name: "Thank you for your purchase" })).toBeVisible();
  const shownKey = (await page.getByLabel("License Key").textContent())!.trim();
  expect(shownKey).toMatch(LICENSE_KEY);
  const email = await outbox.latest(user.email, (m) => /Your license key/.test(m.subject));
  expect(email.body).toContain(shownKey);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText("Your license key is activated.")).toBeVisible();
  await expect(page.getByText("Phone registration required")).toBeVisible();
  await expect(page.getByRole("link", { name: "Set up phone one-time passcode" })).toBeVisible();

  await page.goto("/dashboard");
  const section = page.getByRole("region", { name: "My 2FA Credentials" });
  await expect(section.getByRole("link", { name: WITHOUT_PROOFING })).toBeVisible();
  const nextYear = new Date();
  nextYear.setUTCFullYear(nextYear.getUTCFullYear() + 1);
  await expect(section.getByText(`Expires ${nextYear.toISOString().slice(0, 10)}`)).toBeVisible();

  // The same key cannot be used again.
  await page.goto("/licenses/activate");
  await page.getByLabel("License Key").fill(shownKey.toLowerCase());
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("This license key has already been used.").first()).toBeVisible();

  await page.getByRole("link", { name: "My Account" }).click();
  await page.getByRole("link", { name: "Orders" }).click();
  const row = page.getByRole("row", { name: new RegExp(WITHOUT_PROOFING.replace(/[()]/g, "\\$&")) });
  await expect(row.getByRole("cell", { name: "Paid" })).toBeVisible();
  await expect(row.getByText(`ending in ${shownKey.replace(/-/g, "").slice(-4)}`)).toBeVisible();
});

test("a declined card leaves no order paid and no key; another card then succeeds", async ({
  page,
  login,
  outbox,
}) => {
  const user = await createUser();
  await login(user);
  await chooseProduct(page, WITH_PROOFING);
  await completeBilling(page);

  await payByCard(page, "4000 0000 0000 0002");
  await expect(page.getByText("Your card was declined.").first()).toBeVisible();
  await payByCard(page, "4000 0000 0000 9995");
  await expect(page.getByText("Your card has insufficient funds.").first()).toBeVisible();
  await payByCard(page, "4111 1111 1111 1111");
  await expect(page.getByText("This card number is not accepted here.").first()).toBeVisible();

  await page.goto("/account/orders");
  await expect(page.getByRole("cell", { name: "Payment failed" })).toBeVisible();
  const emails = await outbox.all(user.email);
  expect(emails.some((m) => /license key/i.test(m.subject))).toBe(false);

  await page.getByRole("link", { name: /^MAG-/ }).click();
  await expect(page.getByRole("group", { name: "Payment Method" })).toBeVisible();
  await payByCard(page, "4242424242424242");
  await expect(page.getByRole("heading", { name: "Thank you for your purchase" })).toBeVisible();
  await outbox.latest(user.email, (m) => /Your license key/.test(m.subject));
});

test("billing input is refused field by field, and Back keeps what was entered", async ({ page, login }) => {
  await login(await createUser());
  await chooseProduct(page, WITHOUT_PROOFING);
  await page.getByLabel("Phone Number").fill("call me maybe");
  await page.getByLabel("Street Address").fill("");
  await page.getByLabel("City").fill("Herndon");
  await page.getByLabel("ZIP / Postal Code").fill("<script>");
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByText("Enter a phone number with digits")).toBeVisible();
  await expect(page.getByText("Enter the street address.")).toBeVisible();
  await expect(page.getByText("Enter a valid ZIP or postal code.")).toBeVisible();
  await expect(page.getByLabel("City")).toHaveValue("Herndon");

  // Nothing saved: the payment step is still out of reach.
  const orderUrl = page.url().replace(/\/information$/, "/payment");
  await page.goto(orderUrl);
  await expect(page).toHaveURL(/\/information$/);

  await completeBilling(page);
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page.getByLabel("Street Address")).toHaveValue("1 Main Street");
  await expect(page.getByLabel("City")).toHaveValue("Herndon");
});
