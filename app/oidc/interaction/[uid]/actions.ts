"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import {
  chooseAnotherAccount,
  continueAsSignedInUser,
  declineWithoutCredential,
  decideConsent,
  detourToGetCredential,
} from "@/lib/oidc/interactions";
import { endSession } from "@/lib/sessions/service";
import { signOut } from "@/lib/web/auth";
import { requestInfo } from "@/lib/web/request";
import { userAction } from "@/lib/web/action";
import { rememberPartnerReturn } from "@/lib/web/partner-return-cookie";
import { isThisBrowsersInteraction } from "./interaction-cookie";

const EXPIRED = {
  status: "error" as const,
  message: "This sign-in request has expired. Go back to the application.",
};

const InteractionInputSchema = z.object({ uid: z.string().regex(/^[\w-]{10,64}$/, "Unknown request.") });

/** Allow: the partner gets what it asked for, and is remembered until revoked under Connected Applications. */
export const allowAction = userAction(InteractionInputSchema, async (input, { session }) => {
  if (!(await isThisBrowsersInteraction(input.uid))) return EXPIRED;
  const step = await decideConsent(input.uid, session, true);
  if (step.kind === "redirect") redirect(step.to);
  return EXPIRED;
});

/** Deny: the partner is told access_denied. */
export const denyAction = userAction(InteractionInputSchema, async (input, { session }) => {
  if (!(await isThisBrowsersInteraction(input.uid))) return EXPIRED;
  const step = await decideConsent(input.uid, session, false);
  if (step.kind === "redirect") redirect(step.to);
  return EXPIRED;
});

/** Get 2FA: the web store (the partner's own, when linked), remembering the way back to the partner. */
export const getCredentialAction = userAction(InteractionInputSchema, async (input) => {
  if (!(await isThisBrowsersInteraction(input.uid))) return EXPIRED;
  const detour = await detourToGetCredential(input.uid);
  await rememberPartnerReturn(detour.returnPath);
  redirect(detour.storePartner ? `/store?partner=${encodeURIComponent(detour.storePartner)}` : "/store");
});

/** Cancel: back to the partner, which is told unmet_authentication_requirements. */
export const cancelWithoutCredentialAction = userAction(InteractionInputSchema, async (input) => {
  if (!(await isThisBrowsersInteraction(input.uid))) return EXPIRED;
  const step = await declineWithoutCredential(input.uid);
  if (step.kind === "redirect") redirect(step.to);
  return EXPIRED;
});

/** prompt=select_account: Continue as the signed-in user. */
export const continueAsAction = userAction(InteractionInputSchema, async (input) => {
  if (!(await isThisBrowsersInteraction(input.uid))) return EXPIRED;
  const step = await continueAsSignedInUser(input.uid);
  if (step.kind === "redirect") redirect(step.to);
  return EXPIRED;
});

/** prompt=select_account: Use another account (signs out of MAG here, then the sign-in page). */
export const useAnotherAccountAction = userAction(InteractionInputSchema, async (input, { session }) => {
  if (!(await isThisBrowsersInteraction(input.uid))) return EXPIRED;
  await chooseAnotherAccount(input.uid);
  await endSession(session, await requestInfo());
  await signOut({ redirectTo: `/sign-in?next=/oidc/interaction/${input.uid}` });
  return EXPIRED;
});
