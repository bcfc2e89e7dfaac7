import "server-only";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/web/auth";
import { setDeviceCookie } from "@/lib/web/device-cookie";
import { clearLoginChallengeCookie } from "./login-challenge-cookie";

/** The pending sign-in became a session: its cookie goes, the session and device cookies come, then `to`. */
export async function finishSignIn(
  opened: { ticket: string; deviceToken: string },
  to: string,
): Promise<never> {
  await clearLoginChallengeCookie();
  await signIn("credentials", { ticket: opened.ticket, redirect: false });
  await setDeviceCookie(opened.deviceToken);
  redirect(to);
}
