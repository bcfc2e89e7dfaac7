import { NextResponse } from "next/server";
import { env } from "@/lib/core/env";
import { forgetPartnerReturn, readPartnerReturn } from "@/lib/web/partner-return-cookie";

// Continue to the partner after the Get 2FA detour: its authorization request again, from the start (the
// provider checks everything anew and asks for the phone OTP it wants). Used once, then forgotten.
export async function GET() {
  const pending = await readPartnerReturn();
  await forgetPartnerReturn();
  return NextResponse.redirect(new URL(pending?.path ?? "/dashboard", env().APP_URL), 303);
}
