import { devices, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { expect, type test } from "./fixtures";

export type Outbox = Parameters<Parameters<typeof test>[2]>[0]["outbox"];

/** A camera-like JPEG with some detail. */
export async function cameraPhoto(name: string, width = 1600, height = 1000) {
  const buffer = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#567",
      noise: { type: "gaussian", mean: 120, sigma: 35 },
    },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

/** Guide steps 1–7 on the desktop, up to the Mobile Number's Next. */
export async function proveIdentity(
  page: Page,
  ssn: string,
  mobile: string,
  expectAccessible?: (p: Page) => Promise<void>,
) {
  await page.getByLabel("Proofing Country").selectOption("US");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Select identity proofing method" })).toBeVisible();
  await page.getByRole("button", { name: "PROCEED WITH MOBILE PHONE" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your Full Name" })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "START PROOFING" }).click();
  await expect(
    page.getByRole("heading", { name: "Self-Service Proofing Terms and Conditions" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "AGREE AND CONTINUE" }).click();
  await expect(page.getByRole("heading", { name: "Verify your identity" })).toBeVisible();
  if (expectAccessible) await expectAccessible(page);
  await page.getByLabel("Date of Birth").fill("1988-04-12");
  await page.getByLabel("Street Address").fill("1 Main Street");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("State", { exact: true }).selectOption("IL");
  await page.getByLabel("ZIP Code").fill("62701");
  await page.getByLabel("Social Security Number").fill(ssn);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Enter your Mobile Number" })).toBeVisible();
  await page.getByLabel("Mobile Number").fill(mobile);
  await page.getByRole("button", { name: "Next" }).click();
}

/** Guide steps 8–11 on a phone-sized browser: the texted link, the ID's two sides, the selfie. */
export async function captureOnPhone(browser: Browser, clientIp: string, outbox: Outbox, e164: string) {
  const sms = await outbox.latest(e164, (m) => m.channel === "sms" && m.body.includes("/proof/"));
  const link = /https?:\/\/\S+\/proof\/[A-Za-z0-9_-]+/.exec(sms.body)![0];
  const phone = await browser.newContext({
    ...devices["Pixel 7"],
    extraHTTPHeaders: { "x-forwarded-for": clientIp },
  });
  const page = await phone.newPage();
  await page.goto(link);
  await page.getByRole("button", { name: "Let’s get started" }).click();
  await expect(page.getByRole("heading", { name: "Capture your ID" })).toBeVisible();
  const front = page.getByLabel("Front of your ID");
  await expect(front).toHaveAttribute("capture", "environment");
  await front.setInputFiles(await cameraPhoto("front.jpg"));
  await page.getByLabel("Back of your ID").setInputFiles(await cameraPhoto("back.jpg"));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Capture a photo of yourself" })).toBeVisible();
  await page
    .getByLabel("Photo of yourself", { exact: true })
    .setInputFiles(await cameraPhoto("selfie.jpg", 1000, 1300));
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Photos submitted" })).toBeVisible();
  await expect(page.getByText("Your instant proofing on this phone is complete.")).toBeVisible();
  return { phone, page, link };
}

export async function expectProofed(page: Page, outbox: Outbox, email: string) {
  await page.getByRole("button", { name: "ID PROOFING COMPLETED" }).click();
  await expect(page.getByText("Your identity is verified.")).toBeVisible();
  await expect(page.getByText(/If this was not you, contact MAG Customer Support/)).toBeVisible();
  const notice = await outbox.latest(email, (m) => /identity was verified/.test(m.subject));
  expect(notice.body).toContain("If this was not you");
  await page.getByRole("link", { name: "Set up phone one-time passcode" }).click();
  await expect(page.getByRole("heading", { name: "Set up phone one-time passcode" })).toBeVisible();
}
