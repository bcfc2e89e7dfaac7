import "server-only";
import { isSecureCookies } from "@/lib/core/cookies";

export { cookieName, isSecureCookies } from "@/lib/core/cookies";

// How the portal's own cookies are set. In production they are Secure with the __Host- prefix (HTTPS only,
// this host only, path /), whatever the request's forwarded headers say; HttpOnly and SameSite=Lax always.

export function cookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: isSecureCookies(),
    path: "/",
    maxAge: maxAgeSeconds,
  };
}
