import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideConsent, nextInteractionStep } from "@/lib/oidc/interactions";
import { createActiveCredential, sessionOf } from "../factories/credential";
import { createSignedInSession } from "../factories/session";
import { createUser } from "../factories/user";
import { resetDb } from "../setup/db";
import { CookieJar, registerPartner, startProvider } from "../setup/oidc";

// The sign-in and consent pages' logic against the provider and a real relying party (openid-client).

let op: Awaited<ReturnType<typeof startProvider>>;
beforeAll(async () => {
  await resetDb();
  op = await startProvider();
});
afterAll(() => op.stop());

const insecure = { execute: [client.allowInsecureRequests] };
type Partner = Awaited<ReturnType<typeof registerPartner>>;

async function start(partner: Partner, extra: Record<string, string> = {}) {
  const config = await client.discovery(
    new URL(op.issuer),
    partner.clientId,
    undefined,
    client.ClientSecretBasic(partner.secret),
    insecure,
  );
  const verifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: partner.redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    ...extra,
  });
  const browser = new CookieJar();
  const location = (await browser.fetch(url.href)).headers.get("location")!;
  return { config, verifier, browser, uid: location.split("/").pop()! };
}

/** Follows the provider's redirects until it sends the browser back to the partner or to an interaction. */
async function follow(browser: CookieJar, to: string): Promise<string> {
  const location = (await browser.fetch(to)).headers.get("location")!;
  return new URL(location, op.issuer).href;
}

const uidOf = (url: string) => new URL(url).pathname.split("/").pop()!;

describe("signing in to a partner through the portal's pages", () => {
  it("sign-in, then consent with Allow: the partner gets aal2, amr with the SMS code, and consent is remembered", async () => {
    const u = await createActiveCredential();
    const partner = await registerPartner();
    const first = await start(partner);

    expect(await nextInteractionStep(first.uid, null)).toEqual({
      kind: "sign-in",
      next: `/oidc/interaction/${first.uid}`,
      reauth: false,
    });
    const session = await sessionOf(u.sessionId);
    const login = await nextInteractionStep(first.uid, session);
    if (login.kind !== "redirect") throw new Error(`expected a redirect, got ${login.kind}`);
    const consentUrl = await follow(first.browser, login.to);
    const consent = await nextInteractionStep(uidOf(consentUrl), session);
    expect(consent).toMatchObject({
      kind: "consent",
      clientName: expect.stringMatching(/^Partner/) as string,
      scopes: ["openid", "email", "profile"],
    });

    const allowed = await decideConsent(uidOf(consentUrl), session, true);
    if (allowed.kind !== "redirect") throw new Error("expected a redirect");
    const callback = await follow(first.browser, allowed.to);
    const tokens = await client.authorizationCodeGrant(first.config, new URL(callback), {
      pkceCodeVerifier: first.verifier,
    });
    expect(tokens.claims()).toMatchObject({
      acr: "urn:mag:aal2",
      amr: ["pwd", "otp", "sms"],
      email: u.user.email,
    });

    // The next sign-in to this partner asks no consent: it was remembered.
    const again = await start(partner);
    const relogin = await nextInteractionStep(again.uid, session);
    if (relogin.kind !== "redirect") throw new Error("expected a redirect");
    expect(await follow(again.browser, relogin.to)).toMatch(new RegExp(`^${partner.redirectUri}\\?code=`));
  });

  it("Deny sends the partner access_denied", async () => {
    const u = await createActiveCredential();
    const partner = await registerPartner();
    const flow = await start(partner);
    const session = await sessionOf(u.sessionId);
    const login = await nextInteractionStep(flow.uid, session);
    if (login.kind !== "redirect") throw new Error("expected a redirect");
    const consentUrl = await follow(flow.browser, login.to);
    const denied = await decideConsent(uidOf(consentUrl), session, false);
    if (denied.kind !== "redirect") throw new Error("expected a redirect");
    const callback = new URL(await follow(flow.browser, denied.to));
    expect(callback.searchParams.get("error")).toBe("access_denied");
  });

  it("a partner asking for aal2: a password-only user with phones steps up; one without a credential is refused", async () => {
    const partner = await registerPartner();
    const withPhone = await createActiveCredential();
    const passwordOnly = await sessionOf(await createSignedInSession(withPhone.user.id));
    const flow = await start(partner, { acr_values: "urn:mag:aal2" });
    expect(await nextInteractionStep(flow.uid, passwordOnly)).toEqual({
      kind: "step-up",
      next: `/oidc/interaction/${flow.uid}`,
    });

    const noCredential = await createUser();
    const bare = await sessionOf(await createSignedInSession(noCredential.id));
    const refused = await start(partner, { acr_values: "urn:mag:aal2" });
    const step = await nextInteractionStep(refused.uid, bare);
    if (step.kind !== "redirect") throw new Error("expected a redirect");
    const callback = new URL(await follow(refused.browser, step.to));
    expect(callback.searchParams.get("error")).toBe("unmet_authentication_requirements");
  });

  it("passes the partner's login_hint to the sign-in page", async () => {
    const flow = await start(await registerPartner(), { login_hint: "erin@example.test" });
    expect(await nextInteractionStep(flow.uid, null)).toMatchObject({
      kind: "sign-in",
      loginHint: "erin@example.test",
    });
  });

  it("prompt=login asks for a new sign-in even with a session", async () => {
    const u = await createActiveCredential({ now: new Date(Date.now() - 60_000) });
    const flow = await start(await registerPartner(), { prompt: "login" });
    expect(await nextInteractionStep(flow.uid, await sessionOf(u.sessionId))).toMatchObject({
      kind: "sign-in",
      reauth: true,
    });
  });

  it("an unknown or expired request is refused", async () => {
    const u = await createActiveCredential();
    await expect(
      nextInteractionStep("no-such-interaction-uid", await sessionOf(u.sessionId)),
    ).rejects.toMatchObject({
      code: "oidc.interaction_expired",
    });
  });
});
