import { expect, type Page } from "@playwright/test";

export const WITH_PROOFING = "Phone-Based One Time Password (OTP) – With Proofing – US – 1 Year";
export const WITHOUT_PROOFING = "Phone-Based One Time Password (OTP) – Without Proofing – US – 1 Year";

/** Step 1 from the dashboard: Get 2FA, the partner, the product, Next. */
export async function chooseProduct(
  page: Page,
  product: string,
  partner = "All Credentials and Subscriptions",
) {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Get 2FA" }).click();
  await expect(page.getByRole("heading", { name: "Web Store" })).toBeVisible();
  await page.getByLabel("Partner").selectOption({ label: partner });
  await page.getByRole("radio", { name: product }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("group", { name: "Primary Information" })).toBeVisible();
}

/** Step 2: completes what the profile did not prefill. */
export async function completeBilling(page: Page) {
  await page.getByLabel("Phone Number").fill("+1 202 555 0143");
  await page.getByLabel("Street Address").fill("1 Main Street");
  await page.getByLabel("City").fill("Herndon");
  await page.getByLabel("State / Region").fill("VA");
  await page.getByLabel("ZIP / Postal Code").fill("20170");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("group", { name: "Payment Method" })).toBeVisible();
}

export async function payByCard(page: Page, number: string) {
  await page.getByRole("radio", { name: "Credit Card" }).check();
  await page.getByLabel("Name on Card").fill("Erin Tester");
  await page.getByLabel("Card Number").fill(number);
  await page.getByLabel("Expiration Date (MM/YY)").fill("12/34");
  await page.getByLabel("Security Code").fill("123");
  await page.getByRole("button", { name: "Submit" }).click();
}

export const LICENSE_KEY = /[0-9A-Z]{5}(-[0-9A-Z]{5}){4}/;
