import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotateSigningKeys } from "@/lib/oidc/keys";
import { ACR_AAL2 } from "@/lib/oidc/oidc";
import { createUser } from "../factories/user";
import { db, resetDb } from "../setup/db";
import { CookieJar, registerPartner, startProvider } from "../setup/oidc";

// The provider against a real relying party library (openid-client), over HTTP on loopback.

let op: Awaited<ReturnType<typeof startProvider>>;

beforeAll(async () => {
  await resetDb();
  op = await startProvider();
});
afterAll(() => op.stop());

const insecure = { execute: [client.allowInsecureRequests] };

async function relyingParty(partner: { clientId: string; secret: string }) {
  return client.discovery(
    new URL(op.issuer),
    partner.clientId,
    undefined,
    client.ClientSecretBasic(partner.secret),
    insecure,
  );
}

/** Starts an authorization request in a fresh browser; returns where the provider sent it and the PKCE verifier. */
async function authorize(
  config: client.Configuration,
  redirectUri: string,
  extra: Record<string, string> = {},
) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile offline_access",
    prompt: "consent",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    ...extra,
  });
  const browser = new CookieJar();
  const response = await browser.fetch(url.href);
  return { browser, response, verifier, state };
}

/** What the portal's sign-in and consent pages do: record the login (password + SMS code) and the grant. */
async function signInAndConsent(
  browser: CookieJar,
  interactionUrl: string,
  userId: string,
  clientId: string,
) {
  const uid = interactionUrl.split("/").pop()!;
  const interaction = await op.provider.Interaction.find(uid);
  if (!interaction) throw new Error("no interaction");
  const grant = new op.provider.Grant({ accountId: userId, clientId });
  grant.addOIDCScope("openid email profile offline_access");
  interaction.result = {
    login: { accountId: userId, acr: ACR_AAL2, amr: ["pwd", "otp", "sms"], remember: false },
    consent: { grantId: await grant.save() },
  };
  await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
  const resumed = await browser.fetch(interaction.returnTo);
  return resumed.headers.get("location")!;
}

async function signInThrough(partner: Awaited<ReturnType<typeof registerPartner>>, userId: string) {
  const config = await relyingParty(partner);
  const started = await authorize(config, partner.redirectUri);
  expect(started.response.status).toBe(303);
  const callback = await signInAndConsent(
    started.browser,
    new URL(started.response.headers.get("location")!, op.issuer).href,
    userId,
    partner.clientId,
  );
  expect(callback).toMatch(new RegExp(`^${partner.redirectUri}\\?code=`));
  const tokens = await client.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: started.verifier,
    expectedState: started.state,
  });
  return { config, tokens, callback, verifier: started.verifier, state: started.state };
}

describe("the OpenID Connect provider", () => {
  it("publishes its discovery document: code flow with S256 PKCE only, pairwise subjects, MAG's acr values", async () => {
    const partner = await registerPartner();
    const meta = (await relyingParty(partner)).serverMetadata();
    expect(meta.issuer).toBe(op.issuer);
    expect(meta.token_endpoint).toBe(`${op.issuer}/token`);
    expect(meta.response_types_supported).toEqual(["code"]);
    expect(meta.code_challenge_methods_supported).toEqual(["S256"]);
    expect(meta.subject_types_supported).toEqual(["pairwise"]);
    expect(meta.acr_values_supported).toEqual(["urn:mag:aal1", "urn:mag:aal2"]);
    expect(meta.grant_types_supported).not.toContain("password");
    expect(meta.grant_types_supported).not.toContain("implicit");
  });

  it("signs a user in: a signed ID token with aal2, the SMS OTP in amr, auth_time and a pairwise sub; userinfo", async () => {
    const user = await createUser();
    const partner = await registerPartner();
    const { config, tokens } = await signInThrough(partner, user.id);
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({
      acr: ACR_AAL2,
      amr: ["pwd", "otp", "sms"],
      email: user.email,
      mag_ial: 1,
    });
    expect(claims.auth_time).toEqual(expect.any(Number));
    expect(claims.sub).not.toBe(user.id);
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(info).toMatchObject({
      sub: claims.sub,
      email: user.email,
      email_verified: true,
      name: `${user.firstName} ${user.lastName}`,
    });
  });

  it("gives two partners different subjects for one user", async () => {
    const user = await createUser();
    const a = await signInThrough(await registerPartner(), user.id);
    const b = await signInThrough(await registerPartner(), user.id);
    expect(a.tokens.claims()!.sub).not.toBe(b.tokens.claims()!.sub);
  });

  it("requires PKCE, refuses an unregistered redirect URI without redirecting, and a wrong client secret", async () => {
    const partner = await registerPartner();
    const config = await relyingParty(partner);
    const noPkce = client.buildAuthorizationUrl(config, {
      redirect_uri: partner.redirectUri,
      scope: "openid",
    });
    const refused = await new CookieJar().fetch(noPkce.href);
    expect(new URL(refused.headers.get("location")!).searchParams.get("error")).toBe("invalid_request");

    const elsewhere = await authorize(config, "https://attacker.example/callback");
    expect(elsewhere.response.status).toBe(400);
    expect(elsewhere.response.headers.get("location")).toBeNull();
    expect(await elsewhere.response.text()).toContain("redirect_uri");

    const wrong = await relyingParty({ clientId: partner.clientId, secret: "not-the-secret" });
    await expect(client.refreshTokenGrant(wrong, "x")).rejects.toMatchObject({
      status: 401,
      cause: [{ parameters: { error: "invalid_client" } }],
    });

    // Each refusal is audited with the partner and the reason.
    await expect
      .poll(async () =>
        (await db().auditEvent.findMany({ where: { type: "OIDC_REQUEST_REFUSED" } }))
          .filter((e) => (e.detail as { client?: string }).client === partner.clientId)
          .map((e) => (e.detail as { error: string }).error)
          .sort(),
      )
      .toEqual(["invalid_client", "invalid_redirect_uri", "invalid_request"]);
  });

  it("refuses a code used twice, and revokes the tokens the code gave", async () => {
    const user = await createUser();
    const first = await signInThrough(await registerPartner(), user.id);
    await expect(
      client.authorizationCodeGrant(first.config, new URL(first.callback), {
        pkceCodeVerifier: first.verifier,
        expectedState: first.state,
      }),
    ).rejects.toMatchObject({ error: "invalid_grant" });
    await expect(client.refreshTokenGrant(first.config, first.tokens.refresh_token!)).rejects.toMatchObject({
      error: "invalid_grant",
    });
  });

  it("rotates refresh tokens: the one that was replaced is refused", async () => {
    const user = await createUser();
    const first = await signInThrough(await registerPartner(), user.id);
    const original = first.tokens.refresh_token!;
    const rotated = await client.refreshTokenGrant(first.config, original);
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(original);
    await expect(client.refreshTokenGrant(first.config, original)).rejects.toMatchObject({
      error: "invalid_grant",
    });
  });

  it("publishes a new signing key and keeps the old one: tokens signed before and after a rotation verify", async () => {
    const user = await createUser();
    const partner = await registerPartner();
    const before = await signInThrough(partner, user.id);
    await rotateSigningKeys(new Date(), true);
    await op.reload();
    const after = await signInThrough(partner, user.id);
    const kid = (jwt: string) =>
      (JSON.parse(Buffer.from(jwt.split(".")[0]!, "base64url").toString()) as { kid: string }).kid;
    expect(kid(after.tokens.id_token!)).not.toBe(kid(before.tokens.id_token!));
    const jwks = (await (await fetch(`${op.issuer}/jwks`)).json()) as { keys: { kid: string; d?: string }[] };
    const published = jwks.keys.map((k) => k.kid);
    expect(published).toEqual(
      expect.arrayContaining([kid(before.tokens.id_token!), kid(after.tokens.id_token!)]),
    );
    expect(
      jwks.keys.every((k) => k.d === undefined),
      "no private part is published",
    ).toBe(true);
  });
});
