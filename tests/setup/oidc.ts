import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type Provider from "oidc-provider";
import { hashClientSecret } from "@/lib/oidc/clients";
import { insertApplication } from "@/lib/oidc/client-repository";
import { loadSigningKeys, rotateSigningKeys } from "@/lib/oidc/keys";
import { createProvider } from "@/lib/oidc/provider";

/** The provider on a loopback port under /oidc, as server.ts mounts it; `reload` rebuilds it with the keys now. */
export async function startProvider() {
  await rotateSigningKeys();
  let provider: Provider | undefined;
  const server: Server = createServer((req, res) => {
    Object.assign(req, { originalUrl: req.url, url: req.url!.replace(/^\/oidc/, "") || "/" });
    void provider!.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oidc`;
  const reload = async () => {
    provider = createProvider(issuer, await loadSigningKeys(), false);
    return provider;
  };
  await reload();
  return {
    issuer,
    get provider() {
      return provider!;
    },
    reload,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let clients = 0;

/** A confidential partner application (client_secret_basic) with one https redirect URI. */
export async function registerPartner(overrides: { scopes?: string[]; requiredAcr?: string } = {}) {
  clients += 1;
  const clientId = `partner-${process.pid}-${clients}`;
  const secret = `secret-${clientId}-0123456789abcdefghijklmnop`;
  const redirectUri = `https://${clientId}.example/callback`;
  await insertApplication({
    clientId,
    name: `Partner ${clients}`,
    logoUrl: null,
    redirectUris: [redirectUri],
    postLogoutRedirectUris: [],
    scopes: overrides.scopes ?? ["openid", "email", "profile", "offline_access"],
    requiredAcr: overrides.requiredAcr ?? null,
    isConfidential: true,
    clientSecretHash: hashClientSecret(secret),
    tokenEndpointAuthMethod: "client_secret_basic",
    jwks: null,
  });
  return { clientId, secret, redirectUri };
}

/** A browser's cookies for the provider: what each response sets, sent on the next request. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string): Promise<Response> {
    const response = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      this.cookies.set(name!.trim(), value.join("="));
    }
    return response;
  }
}
