import "server-only";
import { cookies } from "next/headers";
import { cookieName, isSecureCookies } from "@/lib/core/cookies";

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

/**
 * Removes the portal's cookie `name`. A browser replaces a `__Host-` cookie only with a Set-Cookie that is
 * Secure and has Path=/ too: a bare delete(name) is ignored and leaves the old value in place.
 */
export async function deleteCookie(name: string) {
  const { secure, path, httpOnly, sameSite } = cookieOptions(0);
  (await cookies()).delete({ name: cookieName(name), secure, path, httpOnly, sameSite });
}
