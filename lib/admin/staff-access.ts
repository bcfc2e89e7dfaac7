import "server-only";
import type { CurrentSession } from "@/lib/core/caller";
import { ensureStaffCredential } from "@/lib/credentials/service";
import type { Role } from "@/lib/generated/prisma/client";
import { requiresPhoneOtp } from "@/lib/phones/service";
import { hasFreshOtp } from "@/lib/sessions/service";

// Staff sign in to the consoles with two factors, and prove them again before changing someone's access.

export const STAFF_ROLES: readonly Role[] = ["SUPPORT", "PROOFING_AGENT", "ADMIN"];
/** Who works on users' accounts (search, user pages, invoices, audit log); agents see their appointments only. */
export const SUPPORT_ROLES: readonly Role[] = ["SUPPORT", "ADMIN"];

/** A console session's phone OTP is at most this old (NIST SP 800-63B AAL2: reauthenticate every 12 hours). */
export const STAFF_OTP_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/**
 * Where a staff member must go before any console page: nowhere (null) when the session carries a phone OTP
 * at most 12 hours old; else a fresh code on a registered phone, or, with no phone yet, the registration of
 * one on their staff credential (created with the role; no purchase).
 */
export async function staffSecondFactorStep(
  session: CurrentSession,
  now = new Date(),
): Promise<string | null> {
  if (session.authLevel === "PASSWORD_OTP" && hasFreshOtp(session, now, STAFF_OTP_MAX_AGE_MS)) return null;
  if (await requiresPhoneOtp(session.userId)) return "/verify?next=/admin";
  return `/credentials/${await ensureStaffCredential(session.userId, now)}/phones`;
}
