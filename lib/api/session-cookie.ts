import "server-only";
import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint, EncryptJWT } from "jose";
import { cookieName, isSecureCookies, SESSION_COOKIE } from "@/lib/core/cookies";
import { env } from "@/lib/core/env";

// The session cookie next-auth reads (lib/web/auth.ts), minted outside Next's router for the lean API: the
// same encrypted JWT (dir, A256CBC-HS512, key derived from AUTH_SECRET with the cookie name as salt, its
// thumbprint as kid) carrying the server-side session id. next-auth derives the key on every call; here it
// is derived once per process.

type Key = { secret: Uint8Array; kid: string; cookie: string };
let key: Promise<Key> | undefined;

async function deriveKey(): Promise<Key> {
  const cookie = cookieName(SESSION_COOKIE);
  const info = `Auth.js Generated Encryption Key (${cookie})`;
  const secret = new Uint8Array(hkdfSync("sha256", env().AUTH_SECRET, cookie, info, 64));
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(secret) }, "sha512");
  return { secret, kid, cookie };
}

/** The Set-Cookie header that signs the browser or client in as server-side session `sid`. */
export async function sessionCookieHeader(sid: string, now = new Date()): Promise<string> {
  const { secret, kid, cookie } = await (key ??= deriveKey());
  const maxAge = env().SESSION_MAX_HOURS * 3600;
  const issuedAt = Math.floor(now.getTime() / 1000);
  const token = await new EncryptJWT({ sub: sid, sid })
    .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512", kid })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(secret);
  const expires = new Date(now.getTime() + maxAge * 1000).toUTCString();
  const secure = isSecureCookies() ? "; Secure" : "";
  return `${cookie}=${token}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secure}`;
}
