"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signOutEverywhereElse, signOutMySession } from "@/lib/sessions/service";
import { userAction } from "@/lib/web/action";

const SessionIdInputSchema = z.object({ sessionId: z.uuid("Choose a session.") });

// Each answers with the page again (its row is gone), which says what happened.
export const signOutSessionAction = userAction(SessionIdInputSchema, async (input, { session, request }) => {
  await signOutMySession(session, input.sessionId, request);
  redirect("/account/security?signedOut=1");
});

export const signOutEverywhereElseAction = userAction(z.object({}), async (_input, { session, request }) => {
  const count = await signOutEverywhereElse(session, request);
  redirect(`/account/security?signedOut=${count}`);
});
