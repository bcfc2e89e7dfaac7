// Cross-site request refusal for every state-changing request (form actions, route handlers): the browser
// says where a request comes from (Sec-Fetch-Site, Origin); a request from another site is refused before
// any handler runs. Server-to-server callers (Stripe, Twilio, partner back ends) send neither header. Pure.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type RequestOrigin = {
  method: string;
  /** Sec-Fetch-Site, set by every current browser: same-origin, same-site, cross-site or none. */
  fetchSite: string | null;
  origin: string | null;
  /** The hosts this portal answers as: the Host header, the forwarded host behind a trusted proxy, APP_URL's. */
  ownHosts: (string | null)[];
};

export function isCrossSiteRequest({ method, fetchSite, origin, ownHosts }: RequestOrigin): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (fetchSite === "cross-site") return true;
  if (!origin) return false;
  // "null" is an opaque origin (sandboxed frame, file://): never this portal.
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  return !ownHosts.includes(host);
}
