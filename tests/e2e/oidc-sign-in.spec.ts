import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as client from "openid-client";
import { createActiveCredential } from "../factories/credential";
import { registerPartner } from "../factories/partner";
import { expect, test } from "./fixtures";
import { BASE_URL } from "./settings";

// A partner application signs a user in with MAG: the portal's own sign-in with the phone OTP, then consent.

// The partner's callback: a page on this machine (http to loopback is allowed in demo mode), so the browser
// lands somewhere real and the test reads the code from its address.
let partnerSite: Server;
let partnerBase = "";
test.beforeAll(async () => {
  partnerSite = createServer((_req, res) =>
    res.writeHead(200, { "content-type": "text/html" }).end("<p>Partner callback</p>"),
  );
  await new Promise<void>((resolve) => partnerSite.listen(0, "127.0.0.1", resolve));
  partnerBase = `http://127.0.0.1:${(partnerSite.address() as AddressInfo).port}`;
});
test.afterAll(() => partnerSite.close());

test("a partner signs a user in: password, phone OTP, consent with Allow, back with aal2 and the SMS code in amr; Deny returns access_denied", async ({
  page,
  latestCode,
  loginElsewhere,
}) => {
  const partner = await registerPartner({ redirectUri: `${partnerBase}/callback` });
  const { user, phones } = await createActiveCredential();
  const config = await client.discovery(
    new URL(`${BASE_URL}/oidc`),
    partner.clientId,
    undefined,
    client.ClientSecretBasic(partner.secret),
    { execute: [client.allowInsecureRequests] },
  );
  const backAtPartner = async () => {
    await expect(page.getByText("Partner callback")).toBeVisible();
    return new URL(page.url());
  };
  const startSignIn = async () => {
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: partner.redirectUri,
      scope: "openid email profile",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      login_hint: user.username,
    });
    await page.goto(url.href);
    return verifier;
  };

  const verifier = await startSignIn();
  await expect(page.getByText("An application asked you to sign in with your MAG account.")).toBeVisible();
  // The partner's login_hint fills in the user ID.
  await expect(page.getByLabel("Email Address or User ID")).toHaveValue(user.username);
  await page.getByLabel("Email Address or User ID").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByText("We texted a code to your phone.")).toBeVisible();
  await page.getByLabel("Verification").fill(await latestCode(phones[0]!.e164));
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("heading", { name: /wants to use your MAG account$/ })).toBeVisible();
  await expect(page.getByText("Your email address")).toBeVisible();
  // The same user in another browser cannot decide this browser's sign-in request.
  const elsewhere = await loginElsewhere(user);
  await elsewhere.goto(page.url());
  await elsewhere.getByRole("button", { name: "Allow" }).click();
  await expect(
    elsewhere.getByText("This sign-in request has expired. Go back to the application."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  const tokens = await client.authorizationCodeGrant(config, await backAtPartner(), {
    pkceCodeVerifier: verifier,
  });
  expect(tokens.claims()).toMatchObject({
    acr: "urn:mag:aal2",
    amr: ["pwd", "otp", "sms"],
    email: user.email,
  });

  // Another partner, and Deny: the partner hears access_denied.
  const other = await registerPartner({ redirectUri: `${partnerBase}/other` });
  const otherConfig = await client.discovery(
    new URL(`${BASE_URL}/oidc`),
    other.clientId,
    undefined,
    client.ClientSecretBasic(other.secret),
    { execute: [client.allowInsecureRequests] },
  );
  const url = client.buildAuthorizationUrl(otherConfig, {
    redirect_uri: other.redirectUri,
    scope: "openid",
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: "S256",
  });
  await page.goto(url.href);
  await page.getByRole("button", { name: "Deny" }).click();
  expect((await backAtPartner()).searchParams.get("error")).toBe("access_denied");
});

test("one browser, two people: signing out of MAG ends partner sign-ins too, and prompt=select_account offers Use another account", async ({
  page,
  login,
  latestCode,
}) => {
  const partner = await registerPartner({ redirectUri: `${partnerBase}/shared` });
  const config = await client.discovery(
    new URL(`${BASE_URL}/oidc`),
    partner.clientId,
    undefined,
    client.ClientSecretBasic(partner.secret),
    { execute: [client.allowInsecureRequests] },
  );
  /** Signs in at the partner (consent when asked); returns the email address the partner was given. */
  const signInAtPartner = async (extra: Record<string, string> = {}, afterStart = async () => {}) => {
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: partner.redirectUri,
      scope: "openid email",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      ...extra,
    });
    await page.goto(url.href);
    await afterStart();
    const allow = page.getByRole("button", { name: "Allow" });
    const callback = page.getByText("Partner callback");
    await expect(allow.or(callback)).toBeVisible();
    if (await allow.isVisible()) await allow.click();
    await expect(callback).toBeVisible();
    const tokens = await client.authorizationCodeGrant(config, new URL(page.url()), {
      pkceCodeVerifier: verifier,
    });
    return tokens.claims()?.email;
  };

  const first = await createActiveCredential();
  await login(first.user, first.sessionId);
  expect(await signInAtPartner()).toBe(first.user.email);

  // The first person signs out of MAG; the next one signs in and reaches the partner as themselves.
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const second = await createActiveCredential();
  await login(second.user, second.sessionId);
  expect(await signInAtPartner()).toBe(second.user.email);

  // prompt=select_account: the partner lets the user pick; Use another account signs in as someone else.
  expect(
    await signInAtPartner({ prompt: "select_account" }, async () => {
      await expect(
        page.getByRole("heading", { name: `Choose an account for ${partner.name}` }),
      ).toBeVisible();
      await page.getByRole("button", { name: "Use another account" }).click();
      await page.getByLabel("Email Address or User ID").fill(first.user.email);
      await page.getByLabel("Password").fill(first.user.password);
      await page.getByRole("button", { name: "Log In" }).click();
      await page.getByRole("button", { name: "Send Text" }).click();
      await expect(page.getByText("We texted a code to your phone.")).toBeVisible();
      await page.getByLabel("Verification").fill(await latestCode(first.phones[0]!.e164));
      await page.getByRole("button", { name: "Next" }).click();
    }),
  ).toBe(first.user.email);
});
