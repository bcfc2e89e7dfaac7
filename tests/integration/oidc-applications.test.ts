import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listConnections, revokeConnection } from "@/lib/oidc/connections";
import { decideConsent, nextInteractionStep } from "@/lib/oidc/interactions";
import { registerApplication } from "@/lib/oidc/partner-applications";
import { RegisterApplicationInputSchema } from "@/lib/oidc/schemas";
import { createActiveCredential, sessionOf } from "../factories/credential";
import { fromIp } from "../factories/request";
import { asStaff } from "../factories/staff";
import { createUser } from "../factories/user";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { CookieJar, startProvider } from "../setup/oidc";

let op: Awaited<ReturnType<typeof startProvider>>;
beforeAll(async () => {
  await resetDb();
  op = await startProvider();
});
afterAll(() => op.stop());

const MINUTE = 60_000;
const insecure = { execute: [client.allowInsecureRequests] };
const form = (redirectUris: string, extra: Record<string, string> = {}) =>
  RegisterApplicationInputSchema.parse({
    name: "Northwind Travel",
    redirectUris,
    scopeEmail: "on",
    scopeOfflineAccess: "on",
    requiredAcr: "urn:mag:aal2",
    clientType: "confidential",
    ...extra,
  });

describe("Partner Applications (admins register clients)", () => {
  it("registers a confidential client: the secret is shown once, stored only as a hash, and authenticates", async () => {
    const admin = asStaff(await createUser({ role: "ADMIN" }));
    const { clientId, clientSecret } = await registerApplication(
      admin,
      form("https://travel.example/cb"),
      fromIp(),
    );
    expect(clientSecret).toMatch(/^[\w-]{40,}$/);
    const row = await db().partnerApplication.findUniqueOrThrow({ where: { clientId } });
    expect(row).toMatchObject({ scopes: ["openid", "email", "offline_access"], requiredAcr: "urn:mag:aal2" });
    expect(JSON.stringify(row)).not.toContain(clientSecret!);
    expect(
      await db().auditEvent.count({ where: { type: "OIDC_CLIENT_REGISTERED", actorId: admin.userId } }),
    ).toBe(1);

    // The secret authenticates the client: a bad refresh token is then invalid_grant, not invalid_client.
    const config = await client.discovery(
      new URL(op.issuer),
      clientId,
      undefined,
      client.ClientSecretBasic(clientSecret!),
      insecure,
    );
    await expect(client.refreshTokenGrant(config, "not-a-token")).rejects.toMatchObject({
      error: "invalid_grant",
    });
  });

  it("registers a client with public keys: it authenticates with private_key_jwt, has no secret, and another key fails", async () => {
    const admin = asStaff(await createUser({ role: "ADMIN" }));
    const algorithm = { name: "ECDSA", namedCurve: "P-256" } as const;
    const keys = await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"]);
    const publicJwk = {
      ...(await crypto.subtle.exportKey("jwk", keys.publicKey)),
      kid: "partner-key-1",
      alg: "ES256",
    };
    const withKeys = form("https://keys.example/cb", { jwks: JSON.stringify({ keys: [publicJwk] }) });
    const { clientId, clientSecret } = await registerApplication(admin, withKeys, fromIp());
    expect(clientSecret).toBeNull();
    expect(await db().partnerApplication.findUniqueOrThrow({ where: { clientId } })).toMatchObject({
      tokenEndpointAuthMethod: "private_key_jwt",
      clientSecretHash: null,
    });
    const signed = await client.discovery(
      new URL(op.issuer),
      clientId,
      undefined,
      client.PrivateKeyJwt({ key: keys.privateKey, kid: "partner-key-1" }),
      insecure,
    );
    await expect(client.refreshTokenGrant(signed, "not-a-token")).rejects.toMatchObject({
      error: "invalid_grant",
    });
    const stranger = await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"]);
    const forged = await client.discovery(
      new URL(op.issuer),
      clientId,
      undefined,
      client.PrivateKeyJwt({ key: stranger.privateKey, kid: "partner-key-1" }),
      insecure,
    );
    await expect(client.refreshTokenGrant(forged, "not-a-token")).rejects.toMatchObject({
      error: "invalid_client",
    });

    // Only public keys are accepted: the same form with the private key is refused at the jwks field.
    const raw = {
      name: "Keys",
      redirectUris: "https://keys.example/cb",
      requiredAcr: "urn:mag:aal2",
      clientType: "confidential",
    };
    expect(
      RegisterApplicationInputSchema.safeParse({ ...raw, jwks: JSON.stringify({ keys: [publicJwk] }) })
        .success,
    ).toBe(true);
    const leaked = { keys: [await crypto.subtle.exportKey("jwk", keys.privateKey)] };
    const refused = RegisterApplicationInputSchema.safeParse({ ...raw, jwks: JSON.stringify(leaked) });
    expect(refused.error?.issues.map((i) => i.path[0])).toEqual(["jwks"]);
  });

  it("refuses http redirect URIs to other machines, fragments, and a stale phone OTP; nothing is stored", async () => {
    const admin = asStaff(await createUser({ role: "ADMIN" }));
    const before = await db().partnerApplication.count();
    const refusal = await expectDomainError(
      registerApplication(admin, form("http://travel.example/cb"), fromIp()),
      "input.invalid",
    );
    expect(refusal.details.fieldErrors?.redirectUris).toContain("must use https");
    await expectDomainError(
      registerApplication(admin, form("https://travel.example/cb#x"), fromIp()),
      "input.invalid",
    );
    await expectDomainError(
      registerApplication(
        asStaff(await createUser({ role: "ADMIN" }), 21 * MINUTE),
        form("https://travel.example/cb"),
        fromIp(),
      ),
      "auth.step_up_required",
    );
    expect(await db().partnerApplication.count()).toBe(before);
    // In demo mode a developer's partner app on this machine may use http.
    await expect(
      registerApplication(admin, form("http://127.0.0.1:3002/callback"), fromIp()),
    ).resolves.toHaveProperty("clientId");
  });
});

describe("Connected Applications (a user's partners)", () => {
  it("lists the partner a user allowed; revoking it ends its refresh token at once", async () => {
    const admin = asStaff(await createUser({ role: "ADMIN" }));
    const redirectUri = "https://travel.example/cb";
    const app = await registerApplication(admin, form(redirectUri), fromIp());
    const u = await createActiveCredential();
    const session = await sessionOf(u.sessionId);
    const config = await client.discovery(
      new URL(op.issuer),
      app.clientId,
      undefined,
      client.ClientSecretBasic(app.clientSecret!),
      insecure,
    );
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid email offline_access",
      prompt: "consent",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    });
    const browser = new CookieJar();
    const uid = (await browser.fetch(url.href)).headers.get("location")!.split("/").pop()!;
    const login = await nextInteractionStep(uid, session);
    if (login.kind !== "redirect") throw new Error("expected a redirect");
    const consentUid = (await browser.fetch(login.to)).headers.get("location")!.split("/").pop()!;
    const allowed = await decideConsent(consentUid, session, true);
    if (allowed.kind !== "redirect") throw new Error("expected a redirect");
    const callback = new URL((await browser.fetch(allowed.to)).headers.get("location")!);
    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier });

    const [connection] = await listConnections(u.user.id);
    expect(connection).toMatchObject({ name: "Northwind Travel", clientId: app.clientId });
    expect(connection!.lastSignInAt).toBeInstanceOf(Date);

    const stranger = await createUser();
    await expectDomainError(
      revokeConnection(stranger.id, connection!.grantId, fromIp()),
      "oidc.connection_not_found",
    );
    await revokeConnection(u.user.id, connection!.grantId, fromIp());
    expect(await listConnections(u.user.id)).toEqual([]);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: "invalid_grant",
    });
  });
});
