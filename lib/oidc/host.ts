import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { env } from "@/lib/core/env";
import { logUnexpected } from "@/lib/core/logger";
import { loadSigningKeys, rotateSigningKeys } from "./keys";
import { createProvider } from "./provider";

// The provider as server.ts serves it under /oidc: built on first use, and rebuilt when the published
// signing keys change (the rotation job publishes a new key a day before it signs), checked every 5 minutes.

const RELOAD_MS = 5 * 60 * 1000;

type Current = { provider: Provider; kids: string; checkedAt: number };
let current: Current | undefined;
let loading: Promise<Current> | undefined;

async function load(previous: Current | undefined): Promise<Current> {
  if (!previous) await rotateSigningKeys();
  const keys = await loadSigningKeys();
  const kids = keys.map((k) => k.kid).join(",");
  if (previous && previous.kids === kids) return { ...previous, checkedAt: Date.now() };
  const { APP_URL, TRUST_PROXY_HOPS } = env();
  return {
    provider: createProvider(`${APP_URL}/oidc`, keys, TRUST_PROXY_HOPS > 0),
    kids,
    checkedAt: Date.now(),
  };
}

/** The provider now (built on first use, rebuilt when the signing keys changed). */
export async function currentProvider(): Promise<Provider> {
  if (current && Date.now() - current.checkedAt < RELOAD_MS) return current.provider;
  loading ??= load(current).finally(() => (loading = undefined));
  current = await loading;
  return current.provider;
}

/** Whether server.ts hands this path to the provider (its interactions are the portal's own pages). */
export function isProviderPath(url: string): boolean {
  if (url.startsWith("/.well-known/openid-configuration")) return true;
  return url.startsWith("/oidc/") && !url.startsWith("/oidc/interaction/");
}

/**
 * Whether Next's client router is fetching this address as a page payload (a link or a redirect from one of
 * the portal's pages). An authorization or resume URL can be used once: answered that way, it would be spent
 * before the browser itself loads it.
 */
function isRouterFetch(req: IncomingMessage): boolean {
  return req.headers.rsc !== undefined || req.headers["next-router-prefetch"] !== undefined;
}

/** Serves one provider request; discovery at the root is the provider's own document. */
export async function handleProviderRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (isRouterFetch(req)) {
    // No payload: the router then loads the address as a whole page, which the provider answers.
    res.writeHead(204, { "cache-control": "no-store" });
    res.end();
    return;
  }
  try {
    const provider = await currentProvider();
    // Mounted at /oidc: the provider reads its mount path from originalUrl, the route from url. Discovery
    // at the root is served as the mounted document.
    const mounted = req.url!.startsWith("/oidc") ? req.url! : `/oidc${req.url!}`;
    Object.assign(req, { originalUrl: mounted, url: mounted.slice("/oidc".length) || "/" });
    await provider.callback()(req, res);
  } catch (error) {
    const requestId = logUnexpected(error, "oidc provider unavailable");
    res.writeHead(503, { "content-type": "application/json", "retry-after": "5" });
    res.end(JSON.stringify({ error: "temporarily_unavailable", request_id: requestId }));
  }
}
