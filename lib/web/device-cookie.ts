import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/core/env";
import { KNOWN_DEVICE_TTL_MS } from "@/lib/sessions/known-device";

// The known-device token (lib/sessions/known-device.ts): httpOnly, a year, renewed at each sign-in.
const NAME = "mag_device";

export async function readDeviceCookie(): Promise<string | undefined> {
  return (await cookies()).get(NAME)?.value;
}

export async function setDeviceCookie(token: string) {
  (await cookies()).set(NAME, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: KNOWN_DEVICE_TTL_MS / 1000,
  });
}
