import "server-only";
import { env } from "@/lib/core/env";

// How the portal's own cookies are set. In production they are Secure with the __Host- prefix (HTTPS only,
// this host only, path /), whatever the request's forwarded headers say; HttpOnly and SameSite=Lax always.

export function isSecureCookies(): boolean {
  return env().NODE_ENV === "production";
}

/** The cookie's name: `__Host-<name>` when cookies are Secure. */
export function cookieName(name: string): string {
  return isSecureCookies() ? `__Host-${name}` : name;
}

export function cookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: isSecureCookies(),
    path: "/",
    maxAge: maxAgeSeconds,
  };
}
