import { createUser } from "../factories/user";
import { expect, test } from "./fixtures";

const PUBLIC_PAGES = [
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/reset-password?token=x",
  "/verify-email?token=x",
  "/this-wasnt-me?token=x",
  "/confirm-email?token=x",
  "/undo-email-change?token=x",
  "/dev/outbox",
  "/help",
  "/help/identity-proofing",
  "/privacy",
  "/accessibility",
];
const ACCOUNT_PAGES = [
  "/dashboard",
  "/account",
  "/account/password",
  "/store",
  "/licenses/activate",
  "/account/manage-otp",
  "/verify",
  "/account/orders",
  "/account/connected-applications",
  "/account/security",
  "/account/data",
  "/account/email",
  "/account/close",
];
const STAFF_PAGES = [
  "/admin",
  "/admin/invoices",
  "/admin/schedule",
  "/admin/audit",
  "/admin/partner-applications",
];

// An axe scan costs the browser about a second a page: the three groups run side by side.
test.describe.configure({ mode: "parallel" });

const GROUPS = [
  { name: "public", role: null, paths: PUBLIC_PAGES },
  { name: "account", role: "USER", paths: ACCOUNT_PAGES },
  { name: "staff", role: "ADMIN", paths: STAFF_PAGES },
] as const;

for (const group of GROUPS) {
  test(`the ${group.name} pages have no serious or critical accessibility violation`, async ({
    page,
    login,
    expectAccessible,
  }) => {
    if (group.role) await login(await createUser({ role: group.role }));
    for (const path of group.paths) {
      await page.goto(path);
      await expectAccessible(page);
    }
    if (group.role !== "ADMIN") return;
    await page.goto("/admin?q=demo");
    await page.getByRole("link", { name: "Dana Demo" }).click();
    await expect(page.getByRole("heading", { name: "Dana Demo" })).toBeVisible();
    await expectAccessible(page);
  });
}

test("the pages fit a phone-sized screen without sideways scrolling", async ({ page, login }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await login(await createUser());
  for (const path of [
    "/dashboard",
    "/account",
    "/account/security",
    "/account/data",
    "/account/email",
    "/account/close",
    "/sign-up",
    "/help/identity-proofing",
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
