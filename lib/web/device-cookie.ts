import "server-only";
import { cookies } from "next/headers";
import { KNOWN_DEVICE_TTL_MS } from "@/lib/sessions/known-device";
import { cookieName, cookieOptions } from "./cookies";

// The known-device token (lib/sessions/known-device.ts): httpOnly, a year, renewed at each sign-in.
const NAME = "mag_device";

export async function readDeviceCookie(): Promise<string | undefined> {
  return (await cookies()).get(cookieName(NAME))?.value;
}

export async function setDeviceCookie(token: string) {
  (await cookies()).set(cookieName(NAME), token, cookieOptions(KNOWN_DEVICE_TTL_MS / 1000));
}
