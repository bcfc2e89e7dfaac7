"use server";

import { signOut, currentSession } from "@/lib/web/auth";
import { requestInfo } from "@/lib/web/request";
import { endSession } from "@/lib/sessions/service";

export async function signOutAction() {
  const session = await currentSession();
  if (session) await endSession(session, await requestInfo());
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
