import "server-only";
import { cookies } from "next/headers";
import { PROOFING_POLICY } from "@/lib/proofing/proofing";
import { isSecureCookies } from "@/lib/web/cookies";

// The phone's capture session: HttpOnly and SameSite=Strict, so only this browser's own requests carry it;
// scoped to /proof, so in production its prefix is __Secure- (__Host- needs path /).
const name = () => (isSecureCookies() ? "__Secure-mag_capture" : "mag_capture");

export async function readCaptureCookie(): Promise<string | undefined> {
  return (await cookies()).get(name())?.value;
}

export async function setCaptureCookie(secret: string): Promise<void> {
  (await cookies()).set(name(), secret, {
    httpOnly: true,
    sameSite: "strict",
    secure: isSecureCookies(),
    path: "/proof",
    maxAge: PROOFING_POLICY.captureSessionMinutes * 60,
  });
}
