import { createUser } from "../factories/user";
import { expect, test } from "./fixtures";
import { chooseProduct, completeBilling, LICENSE_KEY, WITH_PROOFING } from "./store-helpers";

test("an invoice order gets no key until support records full payment; the emailed key activates from the dashboard", async ({
  page,
  login,
  loginElsewhere,
  outbox,
  expectAccessible,
}) => {
  const user = await createUser();
  await login(user);
  await chooseProduct(page, WITH_PROOFING);
  await completeBilling(page);
  await page.getByRole("radio", { name: "Invoice" }).check();
  await expect(
    page.getByText("we must receive full payment before you receive your license key"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Submit" }).click();

  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  await expect(page.getByText("Awaiting payment")).toBeVisible();
  await expect(page.getByText(LICENSE_KEY)).toHaveCount(0);
  const invoiceNumber = (await page
    .getByText(/INV-\d{6}/)
    .first()
    .textContent())!.match(/INV-\d{6}/)![0];
  await page.getByRole("link", { name: "View invoice" }).click();
  await expect(page.getByText(`Invoice ${invoiceNumber}`)).toBeVisible();
  await expect(page.getByText("$89.00").first()).toBeVisible();
  await expectAccessible(page);

  // Support finds the buyer and records the payment: first a partial amount (refused), then the full one.
  const support = await loginElsewhere(await createUser({ role: "SUPPORT" }));
  // The Orders page lists every user's orders; the status filter narrows them.
  await support.goto("/admin/orders");
  await support.getByLabel("Status").selectOption({ label: "Awaiting payment" });
  await support.getByRole("button", { name: "Filter" }).click();
  const row = support.getByRole("row", { name: new RegExp(invoiceNumber) });
  await expect(row.getByRole("cell", { name: "Awaiting payment" })).toBeVisible();
  await expect(row.getByRole("link", { name: `${user.firstName} ${user.lastName}` })).toBeVisible();
  await support.getByLabel("Status").selectOption({ label: "Paid" });
  await support.getByRole("button", { name: "Filter" }).click();
  await expect(support.getByRole("row", { name: new RegExp(invoiceNumber) })).toHaveCount(0);
  await support.getByRole("link", { name: "Admin" }).click();
  await support.getByLabel("Search users by name, email address or user ID").fill(user.email);
  await support.getByRole("button", { name: "Search" }).click();
  await support.getByRole("link", { name: `${user.firstName} ${user.lastName}` }).click();
  const form = support.getByRole("form", { name: `Record payment for ${invoiceNumber}` });
  await form.getByLabel("Payment Reference").fill("WIRE-20261129-01");
  await form.getByLabel("Amount Received").fill("50.00");
  await form.getByRole("button", { name: "Mark Paid" }).click();
  await expect(form.getByText("State the reason")).toBeVisible();
  await expect(form.getByText("Tick the box to confirm.")).toBeVisible();
  await form.getByLabel("Reason for Mark Paid").fill("Wire seen on the bank statement of Nov 29");
  await form.getByLabel("I checked the payment was received in full.").check();
  await form.getByRole("button", { name: "Mark Paid" }).click();
  await expect(form.getByText("record it once paid in full")).toBeVisible();
  const noKeyYet = await outbox.all(user.email);
  expect(noKeyYet.some((m) => /license key/i.test(m.subject))).toBe(false);

  await form.getByLabel("Amount Received").fill("89.00");
  await form.getByLabel("I checked the payment was received in full.").check();
  await form.getByRole("button", { name: "Mark Paid" }).click();
  await expect(support.getByText("Payment recorded.")).toBeVisible();
  // The order's row reads Paid beside the confirmation, without a reload.
  const orders = support.getByRole("region", { name: "Orders" });
  await expect(orders.getByText(new RegExp(` · Paid · ${invoiceNumber}`))).toBeVisible();
  await expect(orders.getByText("Awaiting payment")).toHaveCount(0);

  const email = await outbox.latest(user.email, (m) => /Your license key/.test(m.subject));
  const key = email.body.match(LICENSE_KEY)![0];

  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Enter it here" }).click();
  await page.getByLabel("License Key").fill(key);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Your license key is activated.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Select your proofing method" })).toBeVisible();
  await expect(page.getByText("Self-Service Mobile Proofing")).toBeVisible();
  await expect(page.getByText("Live Video Proofing")).toBeVisible();

  await page.goto("/account/orders");
  await expect(page.getByRole("cell", { name: "Paid" })).toBeVisible();
});

test("a wrong license key gets a clear message next to the field", async ({ page, login }) => {
  await login(await createUser());
  await page.getByRole("link", { name: "Enter it here" }).click();
  await page.getByLabel("License Key").fill("ABCDE-FGHJK-MNPQR-STVWX-YZ012");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("This license key is not valid.").first()).toBeVisible();
  await expect(page.getByLabel("License Key")).toHaveValue("ABCDE-FGHJK-MNPQR-STVWX-YZ012");
  await page.getByLabel("License Key").fill("");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Enter your license key.").first()).toBeVisible();
});
