import { insertApplication } from "@/lib/oidc/client-repository";
import { hashClientSecret } from "@/lib/oidc/clients";

let clients = 0;

/** A confidential partner application (client_secret_basic) with one https redirect URI. */
export async function registerPartner(
  overrides: {
    scopes?: string[];
    requiredAcr?: string;
    redirectUri?: string;
    postLogoutRedirectUri?: string;
    /** The store's partner (Partner menu) the application is linked to. */
    storePartnerId?: string;
  } = {},
) {
  clients += 1;
  const clientId = `partner-${process.pid}-${clients}`;
  const name = `Partner ${clients}`;
  const secret = `secret-${clientId}-0123456789abcdefghijklmnop`;
  const redirectUri = overrides.redirectUri ?? `https://${clientId}.example/callback`;
  await insertApplication({
    clientId,
    name,
    logoUrl: null,
    redirectUris: [redirectUri],
    postLogoutRedirectUris: overrides.postLogoutRedirectUri ? [overrides.postLogoutRedirectUri] : [],
    scopes: overrides.scopes ?? ["openid", "email", "profile", "offline_access"],
    requiredAcr: overrides.requiredAcr ?? null,
    isConfidential: true,
    clientSecretHash: hashClientSecret(secret),
    tokenEndpointAuthMethod: "client_secret_basic",
    jwks: null,
    partnerId: overrides.storePartnerId ?? null,
  });
  return { clientId, name, secret, redirectUri };
}
