import "server-only";
import { cookies } from "next/headers";
import { REOPEN_OFFER_TTL_MS } from "@/lib/accounts/closing";
import { cookieName, cookieOptions, deleteCookie } from "@/lib/web/cookies";

// A closed account's password sign-in: the signed offer to reopen it (lib/accounts/closing.ts), httpOnly.
const NAME = "mag_reopen";

export async function setReopenCookie(token: string) {
  (await cookies()).set(cookieName(NAME), token, cookieOptions(REOPEN_OFFER_TTL_MS / 1000));
}

export async function readReopenCookie(): Promise<string | undefined> {
  return (await cookies()).get(cookieName(NAME))?.value;
}

export async function clearReopenCookie() {
  await deleteCookie(NAME);
}
