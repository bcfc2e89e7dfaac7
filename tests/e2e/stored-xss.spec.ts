import type { Page } from "@playwright/test";
import { createReadyOrder } from "../factories/order";
import { createUser } from "../factories/user";
import { expect, test } from "./fixtures";

// Reliability case I2, stored XSS: markup in every field a user supplies, written straight to the database (as
// if a form's own check had been bypassed), is shown as text on the staff pages and never runs. The forms
// refuse < and > already (tests/unit/schema-fuzz.test.ts); this is the second line.

const tag = (field: string) => `<img src=x onerror="window.__xss='${field}'">`;
const scriptIn = (field: string) => `<script>window.__xss='${field}'</script>`;

/** Fails on any alert or script the page runs, then shows `text` as plain text somewhere on it. */
async function expectInert(page: Page, url: string, texts: string[]) {
  await page.goto(url);
  for (const text of texts)
    await expect(page.getByText(text, { exact: false }).first(), `${url}: ${text}`).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: string }).__xss), url).toBeUndefined();
}

test("markup in a user's name, billing details and audit detail is text on every staff page", async ({
  page,
  login,
  sql,
}) => {
  test.setTimeout(90_000);
  const dialogs: string[] = [];
  const victim = await createUser({ firstName: tag("firstName"), lastName: scriptIn("lastName") });
  const order = await createReadyOrder({ ...victim, firstName: tag("orderFirst"), lastName: "Buyer" });
  await sql(
    `UPDATE orders SET company = $2, "addressLine1" = $3, city = $4, status = 'AWAITING_PAYMENT',
            "paymentMethod" = 'INVOICE', "invoiceNumber" = $5, "invoiceDueAt" = now() + interval '30 days'
      WHERE id = $1`,
    [order.id, tag("company"), scriptIn("address"), tag("city"), `INV-XSS-${order.number}`],
  );
  await sql(
    `INSERT INTO audit_events (type, result, "subjectUserId", "actorId", ip, "userAgent", detail)
     VALUES ('SIGN_IN', 'FAILURE', $1, $1, '203.0.113.9', $2, $3)`,
    [victim.id, tag("userAgent"), JSON.stringify({ reason: scriptIn("detail") })],
  );
  const staff = await createUser({ role: "ADMIN" });
  await login(staff);
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await expectInert(page, `/admin?q=${encodeURIComponent(victim.email)}`, [tag("firstName")]);
  await expectInert(page, `/admin/users/${victim.id}`, [tag("firstName"), scriptIn("lastName")]);
  await expectInert(page, `/admin/audit?user=${encodeURIComponent(victim.email)}`, [scriptIn("detail")]);
  await expectInert(page, "/admin/invoices", [tag("orderFirst")]);
  expect(dialogs).toEqual([]);
});
