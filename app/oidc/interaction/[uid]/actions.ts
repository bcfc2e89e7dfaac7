"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { decideConsent } from "@/lib/oidc/interactions";
import { userAction } from "@/lib/web/action";
import { isThisBrowsersInteraction } from "./interaction-cookie";

const EXPIRED = {
  status: "error" as const,
  message: "This sign-in request has expired. Go back to the application.",
};

const ConsentInputSchema = z.object({ uid: z.string().regex(/^[\w-]{10,64}$/, "Unknown request.") });

/** Allow: the partner gets what it asked for, and is remembered until revoked under Connected Applications. */
export const allowAction = userAction(ConsentInputSchema, async (input, { session }) => {
  if (!(await isThisBrowsersInteraction(input.uid))) return EXPIRED;
  const step = await decideConsent(input.uid, session, true);
  if (step.kind === "redirect") redirect(step.to);
  return EXPIRED;
});

/** Deny: the partner is told access_denied. */
export const denyAction = userAction(ConsentInputSchema, async (input, { session }) => {
  if (!(await isThisBrowsersInteraction(input.uid))) return EXPIRED;
  const step = await decideConsent(input.uid, session, false);
  if (step.kind === "redirect") redirect(step.to);
  return EXPIRED;
});
