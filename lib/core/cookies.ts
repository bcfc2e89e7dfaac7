import { env } from "./env";

// The portal's cookie names: in production Secure and `__Host-` prefixed (HTTPS only, this host only, path /),
// decided by our own setting, whatever the request's forwarded headers say.

/** next-auth's session cookie (a JWT naming the server-side session). */
export const SESSION_COOKIE = "authjs.session-token";

export function isSecureCookies(): boolean {
  return env().NODE_ENV === "production";
}

/** The cookie's name: `__Host-<name>` when cookies are Secure. */
export function cookieName(name: string): string {
  return isSecureCookies() ? `__Host-${name}` : name;
}
