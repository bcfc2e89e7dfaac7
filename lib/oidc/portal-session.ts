import "server-only";
import { decode } from "next-auth/jwt";
import type { KoaContextWithOIDC } from "oidc-provider";
import type { CurrentSession } from "@/lib/core/caller";
import { cookieName, SESSION_COOKIE } from "@/lib/core/cookies";
import { env } from "@/lib/core/env";
import { resolveSession } from "@/lib/sessions/service";

/** The MAG session of the browser making this provider request (its next-auth cookie), or null. */
export async function portalSessionOf(ctx: KoaContextWithOIDC): Promise<CurrentSession | null> {
  const name = cookieName(SESSION_COOKIE);
  const cookie = ctx.cookies.get(name);
  if (!cookie) return null;
  const token = await decode({ token: cookie, secret: env().AUTH_SECRET, salt: name }).catch(() => null);
  const sid = typeof token?.sid === "string" ? token.sid : null;
  return sid ? resolveSession(sid, new Date()) : null;
}
