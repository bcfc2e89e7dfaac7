import "server-only";
import { redirect } from "next/navigation";
import { noticeSignInFromNewDevice } from "@/lib/accounts/new-device";
import type { RequestInfo } from "@/lib/core/caller";
import { logger } from "@/lib/core/logger";
import type { OpenedSession } from "@/lib/sessions/service";
import { signIn } from "@/lib/web/auth";
import { readDeviceCookie, setDeviceCookie } from "@/lib/web/device-cookie";
import { clearLoginChallengeCookie } from "./login-challenge-cookie";

/**
 * A sign-in opened a session: the pending sign-in's cookie goes, the session and device cookies come, the
 * owner is emailed when this browser has not signed in to the account before, then `to`.
 */
export async function finishSignIn(opened: OpenedSession, request: RequestInfo, to: string): Promise<never> {
  const deviceToken = await readDeviceCookie();
  await noticeSignInFromNewDevice({ ...opened, deviceToken }, request, new Date()).catch((error: unknown) =>
    // The session stands: a notice that could not be queued is logged, not a failed sign-in.
    logger().error({ err: (error as Error).message }, "new-device notice failed"),
  );
  await clearLoginChallengeCookie();
  await signIn("credentials", { ticket: opened.ticket, redirect: false });
  await setDeviceCookie(opened.deviceToken);
  redirect(to);
}
