import { claimSessionTicket, startSession } from "@/lib/sessions/service";
import { fromIp } from "./request";

/** Opens and claims a password session for `userId`, as a sign-in followed by the next-auth exchange would. */
export async function createSignedInSession(userId: string, now = new Date()): Promise<string> {
  const { ticket } = await startSession({ userId, authLevel: "PASSWORD", now, request: fromIp() });
  const sessionId = await claimSessionTicket(ticket, now);
  if (!sessionId) throw new Error("the fresh ticket was refused");
  return sessionId;
}
