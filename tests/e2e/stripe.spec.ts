// Stripe in the browser: a portal of this build configured for Stripe Checkout and Stripe Identity, against the
// loopback fake, which serves minimal hosted pages (checkout, identity capture) and sends the signed webhooks
// back to that portal.
import type { ChildProcess } from "node:child_process";
import { devices, type Page } from "@playwright/test";
import { createUser } from "../factories/user";
import { WEBHOOK_SECRET } from "../fakes/stripe-events";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe-server";
import { startBuiltProcess } from "../setup/built-process";
import { expect, test } from "./fixtures";
import { stopGroup } from "./processes";
import { createActivatedCredential } from "../factories/credential";
import { phoneNumbers } from "./phone-helpers";
import { proveIdentity } from "./proofing-helpers";
import {
  chooseProduct,
  completeBilling,
  LICENSE_KEY,
  WITH_PROOFING,
  WITHOUT_PROOFING,
} from "./store-helpers";

// A fixed port, so that every page of this file (test.use below) opens on this portal.
const PORT = 3110;
const BASE = `http://127.0.0.1:${PORT}`;

test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial", timeout: 90_000 });

let fake: FakeStripe;
let portal: ChildProcess;

test.beforeAll(async () => {
  fake = await startFakeStripe();
  // Late enough for the buyer to see the page that waits for it.
  fake.checkout.webhook = { url: `${BASE}/api/webhooks/stripe`, secret: WEBHOOK_SECRET, delayMs: 2_500 };
  fake.identity.webhook = { url: `${BASE}/api/webhooks/stripe`, secret: WEBHOOK_SECRET };
  portal = startBuiltProcess("server", {
    PORT: String(PORT),
    APP_URL: BASE,
    TRUST_PROXY_HOPS: "1",
    STRIPE_SECRET_KEY: "sk_test_e2e_0123456789",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE_URL: fake.url,
    STRIPE_IDENTITY: "true",
  });
  await expect
    .poll(
      () =>
        fetch(`${BASE}/api/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  stopGroup(portal);
  await fake?.close();
});

/** From the dashboard to Stripe's page: product, billing, Credit Card (no card fields here), Submit. */
async function goToCheckout(page: Page) {
  await chooseProduct(page, WITHOUT_PROOFING);
  await completeBilling(page);
  await page.getByRole("radio", { name: "Credit Card" }).check();
  await expect(page.getByText("you enter your card on Stripe's secure payment page")).toBeVisible();
  await expect(page.getByLabel("Card Number")).toHaveCount(0);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: /^Pay \d+\.\d{2} USD$/ })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(fake.url);
}

async function payWith(page: Page, card: string) {
  await page.getByLabel("Card number").fill(card);
  await page.getByRole("button", { name: "Pay" }).click();
}

/** Back on our confirmation page: "Payment received" until the webhook arrives, then the key. */
async function expectKeyAfterWebhook(
  page: Page,
  email: string,
  outbox: { latest: (to: string, match: (m: { subject: string }) => boolean) => Promise<unknown> },
) {
  await expect(page.getByText("Payment received, your license key is on its way.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Thank you for your purchase" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByLabel("License Key")).toHaveText(LICENSE_KEY);
  await outbox.latest(email, (m) => /Your license key/.test(m.subject));
}

test("pays on Stripe's page: back on the confirmation page the key appears when Stripe's webhook arrives", async ({
  page,
  login,
  outbox,
}) => {
  const user = await createUser();
  await login(user);
  await goToCheckout(page);
  await payWith(page, "4242 4242 4242 4242");
  await expectKeyAfterWebhook(page, user.email, outbox);
  // The card number went to Stripe's page only, never to the portal's API calls.
  expect(JSON.stringify(fake.requests)).not.toContain("4242424242424242");
});

test("a declined card stays on Stripe's page with its message; another card then pays", async ({
  page,
  login,
  outbox,
}) => {
  const user = await createUser();
  await login(user);
  await goToCheckout(page);
  await payWith(page, "4000 0000 0000 0002");
  await expect(page.getByRole("alert")).toHaveText("Your card was declined.");
  await payWith(page, "4242 4242 4242 4242");
  await expectKeyAfterWebhook(page, user.email, outbox);
});

test("3-D Secure failed, then Back: the order is intact; Submit again and a completed 3-D Secure pays", async ({
  page,
  login,
  outbox,
}) => {
  const user = await createUser();
  await login(user);
  await goToCheckout(page);
  await payWith(page, "4000 0027 6000 3184");
  await page.getByRole("button", { name: "Fail authentication" }).click();
  await expect(page.getByRole("alert")).toContainText("unable to authenticate your payment method");

  await page.getByRole("link", { name: "Back" }).click();
  await expect(page.getByText("Payment cancelled: nothing was charged.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Payment Method" })).toBeVisible();
  await page.getByRole("radio", { name: "Credit Card" }).check();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: /^Pay \d+\.\d{2} USD$/ })).toBeVisible();
  expect([...fake.checkout.sessions.values()].filter((s) => s.status === "open")).toHaveLength(1);

  await payWith(page, "4000 0027 6000 3184");
  await page.getByRole("button", { name: "Complete authentication" }).click();
  await expectKeyAfterWebhook(page, user.email, outbox);
});

test("a Checkout page that expires unpaid frees the order for another way to pay", async ({
  page,
  login,
  sql,
}) => {
  const user = await createUser();
  await login(user);
  await goToCheckout(page);
  const [order] = (await sql(
    `SELECT id, "stripeCheckoutSessionId" AS session FROM orders WHERE "userId" = $1`,
    [user.id],
  )) as { id: string; session: string }[];
  fake.checkout.expire(order!.session);
  // Stripe's checkout.session.expired reaches the portal.
  const status = async () =>
    ((await sql(`SELECT status FROM orders WHERE id = $1`, [order!.id])) as { status: string }[])[0]!.status;
  await expect.poll(status, { timeout: 20_000 }).toBe("PAYMENT_FAILED");

  await page.goto(`/store/checkout/${order!.id}/payment`);
  await expect(page.getByText("Your payment page closed before the payment was made")).toBeVisible();
  await page.getByRole("radio", { name: "Invoice" }).check();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
});

/** A valid SSN no other test used (an SSN proofed on one account is refused on another). */
function freshSsn() {
  const n = Date.now() % 900_000;
  return `123-${String(10 + (n % 89)).padStart(2, "0")}-${1000 + (Math.floor(n / 89) % 9000)}`;
}

for (const [outcome, shown] of [
  ["verified", "Your identity is verified."],
  ["selfie_mismatch", "Your photo did not match the photo on your ID document."],
] as const) {
  test(`self-service proofing on Stripe Identity's page: ${outcome}`, async ({
    page,
    browser,
    clientIp,
    login,
    outbox,
    sql,
  }) => {
    const { user, credentialId } = await createActivatedCredential({ withProofing: true });
    await login(user);
    await page.getByRole("link", { name: WITH_PROOFING }).click();
    await page.getByRole("link", { name: "Start Identity Proofing" }).click();
    const [mobile] = phoneNumbers(1);
    await proveIdentity(page, freshSsn(), mobile!.typed);

    // No questions: the texted link opens Stripe's capture (document, selfie, SSN) on the phone.
    const sms = await outbox.latest(mobile!.e164, (m) => m.channel === "sms" && m.body.includes("/proof/"));
    const phone = await browser.newContext({
      ...devices["Pixel 7"],
      extraHTTPHeaders: { "x-forwarded-for": clientIp },
    });
    const onPhone = await phone.newPage();
    await onPhone.goto(/https?:\/\/\S+\/proof\/[A-Za-z0-9_-]+/.exec(sms.body)![0]);
    await onPhone.getByRole("button", { name: "Let’s get started" }).click();
    await expect(onPhone.getByRole("heading", { name: "Verify your identity" })).toBeVisible();
    expect(new URL(onPhone.url()).origin).toBe(fake.url);
    await onPhone.getByRole("radio", { name: outcome, exact: true }).check();
    await onPhone.getByRole("button", { name: "Submit" }).click();
    await expect(onPhone.getByRole("heading", { name: "Identity check submitted" })).toBeVisible();
    await phone.close();

    const status = async () =>
      (
        (await sql(`SELECT status FROM proofing_cases WHERE "credentialId" = $1`, [credentialId])) as {
          status: string;
        }[]
      )[0]!.status;
    await expect.poll(status, { timeout: 20_000 }).not.toBe("IN_PROGRESS");
    await page.getByRole("button", { name: "ID PROOFING COMPLETED" }).click();
    await expect(page.getByText(shown)).toBeVisible();
    if (outcome === "verified")
      await expect(
        page.getByText("checked by Stripe Identity, so no knowledge-based questions"),
      ).toBeVisible();
  });
}
