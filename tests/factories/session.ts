import type { AuthLevel } from "@/lib/generated/prisma/client";
import { claimSessionTicket, startSession } from "@/lib/sessions/service";
import { fromIp } from "./request";

/**
 * Opens and claims a session for `userId`, as a sign-in followed by the next-auth exchange would: password
 * only by default, or password and phone OTP (otpAt = `now`), as staff sign in.
 */
export async function createSignedInSession(
  userId: string,
  now = new Date(),
  authLevel: AuthLevel = "PASSWORD",
): Promise<string> {
  const { ticket } = await startSession({ userId, authLevel, now, request: fromIp() });
  const sessionId = await claimSessionTicket(ticket, now);
  if (!sessionId) throw new Error("the fresh ticket was refused");
  return sessionId;
}
