import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/core/env";

// The pending sign-in between the password and the phone code: a signed token, httpOnly, 10 minutes.
const NAME = "mag_login_challenge";

export async function setLoginChallengeCookie(token: string) {
  (await cookies()).set(NAME, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: 600,
  });
}

export async function readLoginChallengeCookie(): Promise<string | undefined> {
  return (await cookies()).get(NAME)?.value;
}

export async function clearLoginChallengeCookie() {
  (await cookies()).delete(NAME);
}
