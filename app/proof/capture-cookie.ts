import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/core/env";
import { PROOFING_POLICY } from "@/lib/proofing/proofing";

// The phone's capture session: HttpOnly and SameSite=Strict, so only this browser's own requests carry it.
const NAME = "mag_capture";

export async function readCaptureCookie(): Promise<string | undefined> {
  return (await cookies()).get(NAME)?.value;
}

export async function setCaptureCookie(secret: string): Promise<void> {
  (await cookies()).set(NAME, secret, {
    httpOnly: true,
    sameSite: "strict",
    secure: env().APP_URL.startsWith("https://"),
    path: "/proof",
    maxAge: PROOFING_POLICY.captureSessionMinutes * 60,
  });
}
