import { expect, test } from "./fixtures";

const PUBLIC_PAGES = [
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/reset-password?token=x",
  "/verify-email?token=x",
  "/dev/outbox",
];
const SIGNED_IN_PAGES = [
  "/dashboard",
  "/account",
  "/account/password",
  "/store",
  "/licenses/activate",
  "/account/manage-otp",
  "/account/orders",
  "/admin",
  "/admin/invoices",
  "/admin/audit",
];

test("every page has no serious or critical accessibility violation", async ({
  page,
  signIn,
  expectAccessible,
}) => {
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await signIn("admin");
  for (const path of SIGNED_IN_PAGES) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.goto("/admin?q=demo");
  await page.getByRole("link", { name: "Dana Demo" }).click();
  await expect(page.getByRole("heading", { name: "Dana Demo" })).toBeVisible();
  await expectAccessible(page);
});

test("the pages fit a phone-sized screen without sideways scrolling", async ({ page, signIn }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn("demo");
  for (const path of ["/dashboard", "/account", "/sign-up"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
