import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { staffSecondFactorStep } from "@/lib/admin/staff-access";
import { recordAudit } from "@/lib/audit/service";
import type { Role } from "@/lib/generated/prisma/client";
import type { CurrentSession } from "@/lib/core/caller";
import { noteDatabaseOutage } from "@/lib/core/db-outage";
import { claimSessionTicket, resolveSession } from "@/lib/sessions/service";
import { env } from "@/lib/core/env";
import { logger } from "@/lib/core/logger";
import { cookieName, isSecureCookies, SESSION_COOKIE } from "@/lib/core/cookies";
import { requestInfo } from "./request";

export type { CurrentSession };

export { STAFF_ROLES, SUPPORT_ROLES } from "@/lib/admin/staff-access";

// One database read per request for the session, shared by next-auth's jwt callback and our pages.
const resolveForRequest = cache((sid: string) => resolveSession(sid, new Date()));

// The JWT cookie only carries the id of a server-side Session row; every request re-reads that row,
// so sign-out, password changes and disabled accounts take effect on the next request.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 3600 },
  // Secure and __Host- in production from our own setting, not from the request's forwarded protocol.
  useSecureCookies: isSecureCookies(),
  cookies: {
    sessionToken: {
      name: cookieName(SESSION_COOKIE),
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: isSecureCookies() },
    },
    callbackUrl: {
      name: cookieName("authjs.callback-url"),
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: isSecureCookies() },
    },
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { ticket: {} },
      // The password (and later the phone OTP) was checked by our own service, which issued the ticket.
      authorize: async (credentials) => {
        const ticket = credentials?.ticket;
        const sid = typeof ticket === "string" ? await claimSessionTicket(ticket, new Date()) : null;
        return sid ? { id: sid } : null;
      },
    }),
  ],
  callbacks: {
    jwt: async ({ token, user }) => {
      if (user?.id) token.sid = user.id;
      if (typeof token.sid !== "string") return null;
      try {
        return (await resolveForRequest(token.sid)) ? token : null;
      } catch (error) {
        // The database cannot be reached: keep the cookie (signing everyone out would be the outage's
        // worst effect); the page's own session read fails too and is answered 503 (server.ts).
        if (noteDatabaseOutage(error)) return token;
        throw error;
      }
    },
    session: ({ session, token }) => ({ ...session, sid: token.sid }),
  },
  logger: {
    error: (error) => {
      // A refused ticket is an expected outcome, already audited by the service.
      if (error.name !== "CredentialsSignin") logger().error({ err: error.message }, "auth error");
    },
    warn: () => undefined,
  },
}));

/** The signed-in user's session, or null. An unreachable database is noted (503), not taken as signed out. */
export const currentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = await auth();
  try {
    return session?.sid ? await resolveForRequest(session.sid) : null;
  } catch (error) {
    noteDatabaseOutage(error);
    throw error;
  }
});

/** For pages and actions that need a signed-in user: sends everyone else to the sign-in page. */
export async function requireUser(): Promise<CurrentSession> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  return session;
}

/**
 * Server-side role check for every admin page and action; a refusal is audited and answered 403. Staff also
 * need a phone OTP at most 12 hours old: without it they are sent to confirm one (or register a phone).
 */
export async function requireRole(roles: readonly Role[]): Promise<CurrentSession> {
  const session = await requireUser();
  if (!roles.includes(session.role)) {
    await recordAudit({
      type: "ADMIN_ACCESS_DENIED",
      result: "DENIED",
      actorId: session.userId,
      subjectUserId: session.userId,
      ...(await requestInfo()),
    });
    forbidden();
  }
  const step = await staffSecondFactorStep(session);
  if (step) redirect(step);
  return session;
}
