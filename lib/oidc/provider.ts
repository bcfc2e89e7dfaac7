import "server-only";
import Provider, { type Configuration } from "oidc-provider";
import { hashesEqual, keyedHash } from "@/lib/core/crypto";
import { findAccount } from "./account";
import { errorPage, logoutPage, signedOutPage } from "./error-page";
import { auditRefusals } from "./errors-audit";
import { portalInteractionPolicy } from "./interaction-policy";
import { endPortalSessionOnLogout } from "./logout";
import { ClientAdapter, hashClientSecret } from "./clients";
import type { PrivateJwk } from "./keys";
import { ACR_VALUES, OIDC_SCOPES } from "./oidc";
import { findLatestGrantId, PostgresAdapter } from "./payload-repository";

// The OpenID Connect provider partners sign their users in with: authorization code with PKCE only,
// pairwise subjects, refresh tokens that rotate, storage and keys in PostgreSQL. Its interactions (sign-in,
// consent) are the portal's own pages under /oidc/interaction.

const HOUR = 3600;

/** The Client model reads partner_applications; every other model lives in oidc_payloads. */
class PortalAdapter {
  constructor(model: string) {
    return model === "Client" ? new ClientAdapter() : new PostgresAdapter(model);
  }
}

const TTL = {
  AccessToken: HOUR,
  AuthorizationCode: 60,
  IdToken: HOUR,
  Interaction: 10 * 60,
  Session: 12 * HOUR,
  Grant: 365 * 24 * HOUR,
  RefreshToken: 30 * 24 * HOUR,
};

/** Consent is remembered per partner (until the user revokes it), not only for this provider session. */
const loadRememberedGrant: NonNullable<Configuration["loadExistingGrant"]> = async (ctx) => {
  const { oidc } = ctx;
  const accountId = oidc.session?.accountId;
  const grantId =
    oidc.result?.consent?.grantId ??
    oidc.session?.grantIdFor(oidc.client!.clientId) ??
    (accountId ? await findLatestGrantId(accountId, oidc.client!.clientId) : null);
  return grantId ? oidc.provider.Grant.find(grantId) : undefined;
};

function configuration(jwks: PrivateJwk[]): Configuration {
  return {
    adapter: PortalAdapter as unknown as Configuration["adapter"],
    findAccount,
    jwks: { keys: jwks },
    cookies: { keys: [keyedHash("oidc-cookies", "1")] },
    pkce: { required: () => true },
    responseTypes: ["code"],
    scopes: [...OIDC_SCOPES],
    // The ID token carries what partners decide on (how the user signed in, whether proofed) and the
    // granted scopes' claims, so a partner needs no userinfo call to sign someone in.
    conformIdTokenClaims: false,
    claims: {
      openid: ["sub", "acr", "amr", "auth_time", "mag_ial", "mag_proofed_at"],
      email: ["email", "email_verified"],
      profile: ["name"],
    },
    acrValues: [...ACR_VALUES],
    subjectTypes: ["pairwise"],
    // Each partner sees its own identifier for a user, so two partners cannot tell they share one.
    pairwiseIdentifier: (_ctx, accountId, client) => {
      const sector = typeof client.sectorIdentifier === "string" ? client.sectorIdentifier : client.clientId;
      return keyedHash("oidc-pairwise", `${sector}:${accountId}`);
    },
    clientAuthMethods: ["client_secret_basic", "private_key_jwt", "none"],
    enabledJWA: {
      idTokenSigningAlgValues: ["ES256", "RS256"],
      clientAuthSigningAlgValues: ["ES256", "RS256", "PS256"],
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "html";
          ctx.body = signedOutPage();
        },
      },
      revocation: { enabled: true },
      userinfo: { enabled: true },
    },
    rotateRefreshToken: true,
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed("refresh_token") && code.scopes.has("offline_access"),
    ttl: TTL,
    interactions: {
      policy: portalInteractionPolicy(),
      url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}`,
    },
    loadExistingGrant: loadRememberedGrant,
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(
        String(out.error),
        typeof out.error_description === "string" ? out.error_description : undefined,
      );
    },
  };
}

/** A provider for `issuer` (the portal's URL + /oidc) holding `jwks`, the signing keys in use now. */
export function createProvider(issuer: string, jwks: PrivateJwk[], behindProxy: boolean): Provider {
  const provider = new Provider(issuer, configuration(jwks));
  provider.proxy = behindProxy;
  auditRefusals(provider);
  endPortalSessionOnLogout(provider);
  // Client secrets are stored as keyed hashes: compare the hash of what the client presents.
  provider.Client.prototype.compareClientSecret = function (this: { clientSecret?: string }, actual: string) {
    return Promise.resolve(
      typeof this.clientSecret === "string" && hashesEqual(this.clientSecret, hashClientSecret(actual)),
    );
  };
  return provider;
}
