import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseAnotherAccount,
  continueAsSignedInUser,
  declineWithoutCredential,
  decideConsent,
  detourToGetCredential,
  nextInteractionStep,
} from "@/lib/oidc/interactions";
import { db } from "@/lib/core/db";
import { endSession } from "@/lib/sessions/service";
import { createActiveCredential, sessionOf } from "../factories/credential";
import { createSignedInSession } from "../factories/session";
import { createUser } from "../factories/user";
import { resetDb } from "../setup/db";
import { CookieJar, registerPartner, startProvider } from "../setup/oidc";
import type { CurrentSession } from "@/lib/core/caller";

// The sign-in and consent pages' logic against the provider and a real relying party (openid-client).

let op: Awaited<ReturnType<typeof startProvider>>;
beforeAll(async () => {
  await resetDb();
  op = await startProvider();
});
afterAll(() => op.stop());

const insecure = { execute: [client.allowInsecureRequests] };
type Partner = Awaited<ReturnType<typeof registerPartner>>;

async function start(partner: Partner, extra: Record<string, string> = {}, browser = new CookieJar()) {
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
  const location = (await browser.fetch(url.href)).headers.get("location")!;
  return { config, verifier, browser, location, uid: location.split("/").pop()! };
}

/** Follows the provider's redirects until it sends the browser back to the partner or to an interaction. */
async function follow(browser: CookieJar, to: string): Promise<string> {
  const location = (await browser.fetch(to)).headers.get("location")!;
  return new URL(location, op.issuer).href;
}

const uidOf = (url: string) => new URL(url).pathname.split("/").pop()!;

/** Walks a started flow through the sign-in and consent steps as `session`; returns the partner's callback URL. */
async function signInThrough(flow: Awaited<ReturnType<typeof start>>, session: CurrentSession) {
  let step = await nextInteractionStep(flow.uid, session);
  for (let i = 0; i < 3; i += 1) {
    if (step.kind === "consent") step = await decideConsent(step.uid, session, true);
    if (step.kind !== "redirect") throw new Error(`expected a redirect, got ${step.kind}`);
    const next = await follow(flow.browser, step.to);
    if (!next.includes("/oidc/interaction/")) return next;
    step = await nextInteractionStep(uidOf(next), session);
  }
  throw new Error("the flow did not end at the partner");
}

describe("signing in to a partner through the portal's pages", () => {
  it("sign-in, then consent with Allow: the partner gets aal2, amr with the SMS code, and consent is remembered", async () => {
    const u = await createActiveCredential();
    const partner = await registerPartner();
    const browser = new CookieJar();
    await browser.signInToPortal(u.sessionId);
    const first = await start(partner, {}, browser);

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
  });

  it("after the credential expires its phone OTP is no second factor for partners: aal1, and an aal2 request needs a renewal", async () => {
    const u = await createActiveCredential();
    await db().credential.update({
      where: { id: u.credentialId },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    const session = await sessionOf(u.sessionId);
    expect(session.authLevel).toBe("PASSWORD_OTP");
    const partner = await registerPartner();

    const flow = await start(partner);
    const callback = await signInThrough(flow, session);
    const tokens = await client.authorizationCodeGrant(flow.config, new URL(callback), {
      pkceCodeVerifier: flow.verifier,
    });
    expect(tokens.claims()).toMatchObject({ acr: "urn:mag:aal1" });

    const strict = await start(partner, { acr_values: "urn:mag:aal2" });
    expect(await nextInteractionStep(strict.uid, session)).toMatchObject({ kind: "needs-credential" });
  });

  it("a partner asking for aal2 from a user without a credential: Get 2FA remembers the partner's own request; Cancel tells it no", async () => {
    const partner = await registerPartner();
    const noCredential = await createUser();
    const bare = await sessionOf(await createSignedInSession(noCredential.id));
    const flow = await start(partner, { acr_values: "urn:mag:aal2", state: "partner-state-1" });
    expect(await nextInteractionStep(flow.uid, bare)).toEqual({
      kind: "needs-credential",
      uid: flow.uid,
      clientName: partner.name,
    });

    // Get 2FA: the way back is the partner's authorization request itself, checked anew when replayed.
    const { returnPath, storePartner } = await detourToGetCredential(flow.uid);
    expect(storePartner).toBeNull();
    const replayed = new URL(returnPath, op.issuer);
    expect(replayed.pathname).toBe("/oidc/auth");
    expect(Object.fromEntries(replayed.searchParams)).toMatchObject({
      client_id: partner.clientId,
      redirect_uri: partner.redirectUri,
      state: "partner-state-1",
      acr_values: "urn:mag:aal2",
      code_challenge_method: "S256",
    });
    const again = await new CookieJar().fetch(new URL(returnPath, new URL(op.issuer).origin).href);
    expect(again.headers.get("location")).toMatch(/^\/oidc\/interaction\//);

    // An application linked to a store partner opens the store on that partner's products.
    const agency = await db().partner.create({ data: { slug: `agency-${Date.now()}`, name: "Agency" } });
    const linked = await registerPartner({ storePartnerId: agency.id });
    const linkedFlow = await start(linked, { acr_values: "urn:mag:aal2" });
    expect((await detourToGetCredential(linkedFlow.uid)).storePartner).toBe(agency.slug);

    // Cancel: the partner hears unmet_authentication_requirements, with its state.
    const cancelled = await declineWithoutCredential(flow.uid);
    if (cancelled.kind !== "redirect") throw new Error("expected a redirect");
    const callback = new URL(await follow(flow.browser, cancelled.to));
    expect(callback.searchParams.get("error")).toBe("unmet_authentication_requirements");
    expect(callback.searchParams.get("state")).toBe("partner-state-1");
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
    const browser = new CookieJar();
    await browser.signInToPortal(u.sessionId);
    const flow = await start(await registerPartner(), { prompt: "login" }, browser);
    expect(await nextInteractionStep(flow.uid, await sessionOf(u.sessionId))).toMatchObject({
      kind: "sign-in",
      reauth: true,
    });
    // Signed in again: on to the consent and back to the partner, without a second sign-in after the consent.
    const again = await sessionOf(await createSignedInSession(u.user.id, new Date(Date.now() + 1000)));
    await browser.signInToPortal(again.sessionId);
    expect(await signInThrough(flow, again)).toMatch(/\?code=/);
  });

  it("the provider's session never outlives the MAG session: signed out, or signed in as someone else, means signing in again", async () => {
    const partner = await registerPartner();
    const erin = await createActiveCredential();
    const browser = new CookieJar();
    await browser.signInToPortal(erin.sessionId);
    const first = await start(partner, {}, browser);
    expect(await signInThrough(first, await sessionOf(erin.sessionId))).toMatch(/\?code=/);

    // Still signed in to MAG: the partner gets its answer without a page.
    const silent = await start(partner, {}, browser);
    expect(silent.location).toMatch(new RegExp(`^${partner.redirectUri}\\?code=`));

    // Signed out of MAG: the provider's own session is not enough, even for prompt=none.
    await browser.signInToPortal(null);
    expect((await start(partner, {}, browser)).location).toMatch(/^\/oidc\/interaction\//);
    const none = new URL((await start(partner, { prompt: "none" }, browser)).location);
    expect(none.searchParams.get("error")).toBe("login_required");

    // Someone else signs in to MAG on this browser: they sign in to the partner as themselves.
    const frank = await createActiveCredential();
    await browser.signInToPortal(frank.sessionId);
    const switched = await start(partner, {}, browser);
    expect(switched.location).toMatch(/^\/oidc\/interaction\//);
    const tokens = await client.authorizationCodeGrant(
      switched.config,
      new URL(await signInThrough(switched, await sessionOf(frank.sessionId))),
      { pkceCodeVerifier: switched.verifier },
    );
    expect(tokens.claims()?.email).toBe(frank.user.email);

    // A MAG session that ended (signed out elsewhere, expired) is no session either.
    await endSession(await sessionOf(frank.sessionId), { ip: null, userAgent: null });
    expect((await start(partner, {}, browser)).location).toMatch(/^\/oidc\/interaction\//);
  });

  it("a provider session opened with the password alone does not answer a partner asking for aal2", async () => {
    const partner = await registerPartner();
    const u = await createActiveCredential();
    const passwordOnly = await sessionOf(await createSignedInSession(u.user.id));
    const browser = new CookieJar();
    await browser.signInToPortal(passwordOnly.sessionId);
    expect(await signInThrough(await start(partner, {}, browser), passwordOnly)).toMatch(/\?code=/);
    expect((await start(partner, {}, browser)).location).toMatch(/\?code=/);

    const strict = await start(partner, { acr_values: "urn:mag:aal2" }, browser);
    expect(strict.location).toMatch(/^\/oidc\/interaction\//);
    expect(await nextInteractionStep(strict.uid, passwordOnly)).toEqual({
      kind: "step-up",
      next: `/oidc/interaction/${strict.uid}`,
    });
  });

  it("prompt=select_account: Continue as the signed-in user, or a sign-in made for this request counts as the choice", async () => {
    const partner = await registerPartner();
    const earlier = new Date(Date.now() - 60_000);
    const u = await createActiveCredential({ now: earlier });
    const session = await sessionOf(u.sessionId);
    const browser = new CookieJar();
    await browser.signInToPortal(u.sessionId);
    const flow = await start(partner, { prompt: "select_account" }, browser);
    expect(await nextInteractionStep(flow.uid, session)).toEqual({
      kind: "select-account",
      uid: flow.uid,
      clientName: partner.name,
      name: `${u.user.firstName} ${u.user.lastName}`,
      email: u.user.email,
    });
    const chosen = await continueAsSignedInUser(flow.uid);
    if (chosen.kind !== "redirect") throw new Error("expected a redirect");
    const next = await follow(flow.browser, chosen.to);
    expect(await signInThrough({ ...flow, uid: uidOf(next) }, session)).toMatch(/\?code=/);

    // Not signed in yet: the sign-in page first, and that sign-in is the choice.
    const fresh = await start(partner, { prompt: "select_account" });
    expect(await nextInteractionStep(fresh.uid, null)).toMatchObject({ kind: "sign-in" });
    const signedInNow = await sessionOf(await createSignedInSession(u.user.id, new Date()));
    expect(await nextInteractionStep(fresh.uid, signedInNow)).toMatchObject({ kind: "redirect" });

    // A session opened just before the request, in the same second, is no choice: the page is shown.
    const justBefore = await sessionOf(await createSignedInSession(u.user.id, new Date()));
    const quick = await start(partner, { prompt: "select_account" });
    expect(await nextInteractionStep(quick.uid, justBefore)).toMatchObject({ kind: "select-account" });
    // Use another account: whoever signs in next on this browser is the choice.
    await chooseAnotherAccount(quick.uid);
    expect(await nextInteractionStep(quick.uid, justBefore)).toMatchObject({ kind: "redirect" });
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
