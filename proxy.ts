import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/core/env";
import { errorMessage } from "@/lib/errors/catalog";
import { isCrossSiteRequest } from "@/lib/web/cross-site";
import { contentSecurityPolicy, permissionsPolicy } from "@/lib/web/security-headers";

// Runs before every page, form action and route handler (but the photo upload and static files):
// refuses state-changing requests from other sites, and gives every page a fresh CSP nonce, which Next.js
// reads from the request's policy header and puts on its own scripts.
export function proxy(request: NextRequest) {
  if (isCrossSite(request)) {
    const code = "request.cross_site";
    return Response.json({ error: { code, message: errorMessage(code) } }, { status: 403 });
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, env().NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Permissions-Policy", permissionsPolicy(request.nextUrl.pathname));
  return response;
}

function isCrossSite(request: NextRequest): boolean {
  const { APP_URL, TRUST_PROXY_HOPS } = env();
  return isCrossSiteRequest({
    method: request.method,
    fetchSite: request.headers.get("sec-fetch-site"),
    origin: request.headers.get("origin"),
    ownHosts: [
      request.headers.get("host"),
      TRUST_PROXY_HOPS > 0 ? request.headers.get("x-forwarded-host") : null,
      new URL(APP_URL).host,
    ],
  });
}

export const config = {
  matcher: [
    {
      // Not the photo upload: the proxy would buffer its body (Next caps that at 10 MB), and it answers with
      // redirects only; its capture cookie is SameSite=Strict.
      source: "/((?!proof/capture/upload|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
