import "server-only";
import type { Adapter, AdapterPayload } from "oidc-provider";
import { keyedHash } from "@/lib/core/crypto";
import * as repo from "./client-repository";

// Partner applications as oidc-provider clients: read from partner_applications, never written by the
// provider. The secret is known only as its keyed hash (shown once at registration); the provider compares
// presented secrets through `secretMatches`.

const SECRET_PURPOSE = "oidc-client-secret";

export function hashClientSecret(secret: string): string {
  return keyedHash(SECRET_PURPOSE, secret);
}

function toMetadata(app: repo.PartnerApplicationRow): AdapterPayload {
  return {
    client_id: app.clientId,
    client_name: app.name,
    ...(app.logoUrl ? { logo_uri: app.logoUrl } : {}),
    ...(app.clientSecretHash ? { client_secret: app.clientSecretHash } : {}),
    redirect_uris: app.redirectUris,
    post_logout_redirect_uris: app.postLogoutRedirectUris,
    grant_types: app.scopes.includes("offline_access")
      ? ["authorization_code", "refresh_token"]
      : ["authorization_code"],
    response_types: ["code"],
    scope: app.scopes.join(" "),
    token_endpoint_auth_method: app.tokenEndpointAuthMethod,
    ...(app.jwks ? { jwks: app.jwks as { keys: object[] } } : {}),
    subject_type: "pairwise",
    id_token_signed_response_alg: "ES256",
    ...(app.requiredAcr ? { default_acr_values: [app.requiredAcr] } : {}),
  } as AdapterPayload;
}

/** The Client model's storage: lookups only; clients are registered on the Partner Applications page. */
export class ClientAdapter implements Pick<Adapter, "find"> {
  async find(clientId: string): Promise<AdapterPayload | undefined> {
    const app = await repo.findApplicationByClientId(clientId);
    return app && !app.disabledAt ? toMetadata(app) : undefined;
  }
  upsert(): Promise<void> {
    return Promise.reject(new Error("clients are registered on the Partner Applications page"));
  }
  findByUid() {
    return Promise.resolve(undefined);
  }
  findByUserCode() {
    return Promise.resolve(undefined);
  }
  consume() {
    return Promise.resolve();
  }
  destroy() {
    return Promise.resolve();
  }
  revokeByGrantId() {
    return Promise.resolve();
  }
}
