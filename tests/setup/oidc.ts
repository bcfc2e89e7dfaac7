import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import type Provider from "oidc-provider";
import { cookieName, SESSION_COOKIE } from "@/lib/core/cookies";
import { env } from "@/lib/core/env";
import { loadSigningKeys, rotateSigningKeys } from "@/lib/oidc/keys";
import { createProvider } from "@/lib/oidc/provider";

export { registerPartner } from "../factories/partner";

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

/** A browser's cookies for the provider: what each response sets, sent on the next request. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Signs this browser in to MAG as session `sid` (next-auth's cookie), or out of it (null). */
  async signInToPortal(sid: string | null): Promise<void> {
    const name = cookieName(SESSION_COOKIE);
    if (!sid) {
      this.cookies.delete(name);
      return;
    }
    const secret = env().AUTH_SECRET;
    this.cookies.set(name, await encode({ token: { sid }, secret, salt: name, maxAge: 3600 }));
  }

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
