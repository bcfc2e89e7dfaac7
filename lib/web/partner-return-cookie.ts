import "server-only";
import { cookies } from "next/headers";
import { parseAuthorizationPath, PARTNER_RETURN_TTL_SECONDS } from "@/lib/oidc/partner-return";
import { cookieName, cookieOptions, deleteCookie } from "./cookies";

// The way back to a partner after the Get 2FA detour (lib/oidc/partner-return.ts), for this browser only.
const NAME = "mag_partner_return";

export async function rememberPartnerReturn(path: string) {
  (await cookies()).set(cookieName(NAME), path, cookieOptions(PARTNER_RETURN_TTL_SECONDS));
}

export async function readPartnerReturn() {
  return parseAuthorizationPath((await cookies()).get(cookieName(NAME))?.value);
}

export async function forgetPartnerReturn() {
  await deleteCookie(NAME);
}
