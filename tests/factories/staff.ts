import type { Role } from "@/lib/generated/prisma/client";

/** A staff member as the admin services see them: signed in with a phone OTP `otpAgoMs` ago (step-up fresh). */
export function asStaff(user: { id: string; role: Role }, otpAgoMs = 0, now = new Date()) {
  return { userId: user.id, role: user.role, otpAt: new Date(now.getTime() - otpAgoMs) };
}
