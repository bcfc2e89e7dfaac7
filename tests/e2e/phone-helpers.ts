import { expect, type Page } from "@playwright/test";
import { nextPhone } from "../factories/credential";
import { sawRecoveryCodes } from "./secrets-seen";

/** Fictional 555-01xx numbers no other test of this run uses (send limits count per number). */
export function phoneNumbers(count: number): { typed: string; e164: string }[] {
  return Array.from({ length: count }, () => {
    const e164 = nextPhone();
    return { typed: `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`, e164 };
  });
}

type Phone = { typed: string; e164: string };

/** On "Set up phone one-time passcode": fills the US number (confirmed as digits only) and asks for a code. */
export async function requestPhoneCode(page: Page, phone: Phone, channel: "Send Text" | "Send Voice") {
  await page.getByLabel("Country").selectOption("US");
  await page.getByLabel("Phone Number", { exact: true }).fill(phone.typed);
  await page.getByLabel("Confirm Phone Number").fill(phone.typed.replace(/\D/g, ""));
  await page.getByRole("button", { name: channel }).click();
  await expect(page.getByLabel("Verification")).toBeVisible();
}

/** On "Confirm it's you": a text to the (default) phone, its code, and back to the page that asked. */
export async function confirmItsYou(page: Page, phone: Phone, latestCode: (e164: string) => Promise<string>) {
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByText("We texted a code to your phone.")).toBeVisible();
  await page.getByLabel("Verification").fill(await latestCode(phone.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toHaveCount(0);
}

/** Registers `phone` by text from "Set up phone one-time passcode", with the code `latestCode` reads. */
export async function registerPhone(page: Page, phone: Phone, latestCode: (e164: string) => Promise<string>) {
  await requestPhoneCode(page, phone, "Send Text");
  await page.getByLabel("Verification").fill(await latestCode(phone.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await afterPhoneRegistered(page);
}

/**
 * Just after a phone was confirmed: the account's first phone comes with its recovery codes, shown once, which
 * the user acknowledges; then (for any phone) the phones page says it is registered.
 */
export async function afterPhoneRegistered(page: Page) {
  await expect(page.getByText("Your phone number is registered.").first()).toBeVisible();
  const saved = page.getByRole("link", { name: "I saved my recovery codes — Continue" });
  if (await saved.isVisible()) {
    const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    await expect(codes).toHaveCount(10);
    await sawRecoveryCodes(codes);
    await expect(page.getByRole("link", { name: "Download" })).toBeVisible();
    await saved.click();
  }
  await expect(page).toHaveURL(/\/phones\?added=1$/);
}
