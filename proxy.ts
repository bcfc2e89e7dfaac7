import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, permissionsPolicy } from "@/lib/web/security-headers";

// Every page gets a fresh CSP nonce: Next.js reads it from the request's policy header and puts it on its
// own scripts; the response carries the same policy. Route handlers and static files get next.config.ts's.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // eslint-disable-next-line no-restricted-properties -- Next's own build mode, not configuration
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Permissions-Policy", permissionsPolicy(request.nextUrl.pathname));
  return response;
}

export const config = {
  matcher: [
    {
      // Not the photo upload: the proxy would buffer its body (Next caps that at 10 MB), and it answers with
      // redirects only; its capture cookie is SameSite=Strict.
      source: "/((?!api/|proof/capture/upload|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
