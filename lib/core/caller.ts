import type { AuthLevel, Role } from "@/lib/generated/prisma/client";

// Who is calling, as every layer sees it: services take these, lib/web fills them from the request.

/** The caller's address and browser, for audit rows and per-IP limits. */
export type RequestInfo = { ip: string | null; userAgent: string | null };

/** What the rest of the portal knows about the signed-in user, re-read from the database on each request. */
export type CurrentSession = {
  sessionId: string;
  userId: string;
  role: Role;
  firstName: string;
  lastName: string;
  email: string;
  authLevel: AuthLevel;
  passwordAt: Date;
  otpAt: Date | null;
  /** How that phone OTP came: a text or a voice call. */
  otpChannel: "SMS" | "VOICE" | null;
  /** The IANA zone the user reads dates in; null (UTC) until their browser told it. */
  timeZone: string | null;
};
