import { spawn, type ChildProcess } from "node:child_process";
import { createActiveCredential } from "../factories/credential";
import { registerPartner } from "../factories/partner";
import { createSignedInSession } from "../factories/session";
import { createUser } from "../factories/user";
import { confirmItsYou, phoneNumbers, registerPhone } from "./phone-helpers";
import { freePort, stopGroup } from "./processes";
import { chooseProduct, completeBilling, payByCard, WITHOUT_PROOFING } from "./store-helpers";
import { expect, test } from "./fixtures";
import { BASE_URL } from "./settings";

// The example partner application (examples/partner-app) signs users in with MAG, as a partner agency would.

let app: ChildProcess | undefined;
let partnerName = "";
test.afterEach(() => stopGroup(app));

async function startPartnerApp() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const partner = await registerPartner({
    redirectUri: `${base}/callback`,
    postLogoutRedirectUri: `${base}/`,
  });
  app = spawn("npx", ["tsx", "examples/partner-app/server.ts"], {
    detached: true,
    stdio: "ignore",
    env: {
      // eslint-disable-next-line no-restricted-properties -- the partner app's own configuration
      ...process.env,
      MAG_ISSUER: `${BASE_URL}/oidc`,
      PARTNER_CLIENT_ID: partner.clientId,
      PARTNER_CLIENT_SECRET: partner.secret,
      PARTNER_PORT: String(port),
      PARTNER_BASE_URL: base,
    },
  });
  partnerName = partner.name;
  await expect
    .poll(
      () =>
        fetch(base).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(200);
  return base;
}

test("sign in at the partner app with MAG: phone OTP, consent, and the partner sees aal2, the OTP and a proofed identity", async ({
  page,
  latestCode,
  sql,
}) => {
  const base = await startPartnerApp();
  const { user, phones, credentialId } = await createActiveCredential();
  await sql(`UPDATE credentials SET "proofedAt" = now() WHERE id = $1`, [credentialId]);

  await page.goto(base);
  await page.getByRole("link", { name: "Sign in with MAG", exact: true }).click();
  await page.getByLabel("Email Address or User ID").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByText("We texted a code to your phone.")).toBeVisible();
  await page.getByLabel("Verification").fill(await latestCode(phones[0]!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
  const claim = (name: string) => page.locator(`[data-claim="${name}"]`);
  await expect(claim("acr")).toHaveText('"urn:mag:aal2"');
  await expect(claim("amr")).toHaveText('["pwd","otp","sms"]');
  await expect(claim("mag_ial")).toHaveText("2");

  // Signing out at the partner signs the user out of MAG too, once they confirm.
  await page.getByRole("link", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign out of MAG?" })).toBeVisible();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page.getByRole("link", { name: "Sign in with MAG", exact: true })).toBeVisible();
  await expect
    .poll(async () => {
      await page.goto(`${BASE_URL}/dashboard`);
      return new URL(page.url()).pathname;
    })
    .toBe("/sign-in");
});

test("a partner asking for the phone OTP from a user without a credential: Get 2FA, buy, activate, register a phone, and continue to the partner", async ({
  page,
  login,
  latestCode,
}) => {
  const base = await startPartnerApp();
  const user = await createUser();
  await login(user, await createSignedInSession(user.id));
  await page.goto(base);
  await page.getByRole("link", { name: "Sign in with MAG (phone OTP required)" }).click();
  await expect(
    page.getByRole("heading", { name: `${partnerName} asks for your MAG phone one-time passcode` }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Get 2FA" }).click();
  await expect(page.getByRole("heading", { name: "Web Store" })).toBeVisible();

  // The guide's path: the store, the license key, its activation, a phone.
  await chooseProduct(page, WITHOUT_PROOFING);
  await completeBilling(page);
  await payByCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Activate" }).click();
  await page.getByRole("link", { name: "Set up phone one-time passcode" }).click();
  const [phone] = phoneNumbers(1);
  await registerPhone(page, phone!, latestCode);

  // Then back to the partner, with the phone OTP it asked for.
  await page.getByRole("link", { name: `Continue to ${partnerName}` }).click();
  await confirmItsYou(page, phone!, latestCode);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByText(`Signed in as ${user.email}.`)).toBeVisible();
  await expect(page.locator('[data-claim="acr"]')).toHaveText('"urn:mag:aal2"');

  // The way back is used once: the dashboard no longer offers it.
  await page.goto(`${BASE_URL}/dashboard`);
  await expect(page.getByRole("heading", { name: `Welcome, ${user.firstName}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Continue to ${partnerName}` })).toHaveCount(0);
});

test("a user without a credential who cancels: the partner is told unmet_authentication_requirements", async ({
  page,
  login,
}) => {
  const base = await startPartnerApp();
  const user = await createUser();
  await login(user, await createSignedInSession(user.id));
  await page.goto(base);
  await page.getByRole("link", { name: "Sign in with MAG (phone OTP required)" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator("#error")).toHaveText("unmet_authentication_requirements");
});
