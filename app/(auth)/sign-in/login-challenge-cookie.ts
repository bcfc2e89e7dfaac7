import "server-only";
import { cookies } from "next/headers";
import { cookieName, cookieOptions, deleteCookie } from "@/lib/web/cookies";

// The pending sign-in between the password and the phone code: a signed token, httpOnly, 10 minutes.
const NAME = "mag_login_challenge";

export async function setLoginChallengeCookie(token: string) {
  (await cookies()).set(cookieName(NAME), token, cookieOptions(600));
}

export async function readLoginChallengeCookie(): Promise<string | undefined> {
  return (await cookies()).get(cookieName(NAME))?.value;
}

export async function clearLoginChallengeCookie() {
  await deleteCookie(NAME);
}
