import "server-only";
import { createCipheriv, createHmac, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { base64url, calculateJwkThumbprint } from "jose";
import { cookieName, isSecureCookies, SESSION_COOKIE } from "@/lib/core/cookies";
import { env } from "@/lib/core/env";

// The session cookie next-auth reads (lib/web/auth.ts), minted outside Next's router for the lean API: the
// same encrypted JWT (dir, A256CBC-HS512, key derived from AUTH_SECRET with the cookie name as salt, its
// thumbprint as kid) carrying the server-side session id. next-auth derives the key on every call and
// encrypts through WebCrypto's async calls; here the key is derived once per process and the JWE is made
// with node:crypto's synchronous AES-CBC and HMAC (RFC 7518 §5.2), a quarter of the API's CPU otherwise.

type Key = { macKey: Buffer; encKey: Buffer; header: string; cookie: string };
let key: Promise<Key> | undefined;

async function deriveKey(): Promise<Key> {
  const cookie = cookieName(SESSION_COOKIE);
  const info = `Auth.js Generated Encryption Key (${cookie})`;
  const secret = Buffer.from(hkdfSync("sha256", env().AUTH_SECRET, cookie, info, 64));
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(secret) }, "sha512");
  const header = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256CBC-HS512", kid })).toString("base64url");
  return { macKey: secret.subarray(0, 32), encKey: secret.subarray(32), header, cookie };
}

/** A compact JWE of `claims` (alg dir, enc A256CBC-HS512): AES-256-CBC, then HMAC-SHA-512 cut to 32 bytes. */
function encryptClaims(claims: object, { macKey, encKey, header }: Key): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", encKey, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(claims), "utf8"), cipher.final()]);
  const aad = Buffer.from(header, "ascii");
  const aadBits = Buffer.alloc(8);
  aadBits.writeBigUInt64BE(BigInt(aad.length * 8));
  const tag = createHmac("sha512", macKey).update(aad).update(iv).update(ciphertext).update(aadBits).digest();
  const b64 = (bytes: Buffer) => bytes.toString("base64url");
  return `${header}..${b64(iv)}.${b64(ciphertext)}.${b64(tag.subarray(0, 32))}`;
}

/** The Set-Cookie header that signs the browser or client in as server-side session `sid`. */
export async function sessionCookieHeader(sid: string, now = new Date()): Promise<string> {
  const derived = await (key ??= deriveKey());
  const maxAge = env().SESSION_MAX_HOURS * 3600;
  const iat = Math.floor(now.getTime() / 1000);
  const token = encryptClaims({ sub: sid, sid, iat, exp: iat + maxAge, jti: randomUUID() }, derived);
  const expires = new Date(now.getTime() + maxAge * 1000).toUTCString();
  const secure = isSecureCookies() ? "; Secure" : "";
  return `${derived.cookie}=${token}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secure}`;
}
