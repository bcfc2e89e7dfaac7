// Pure rules for keys and credentials: no I/O, time passed in.

/** The buyer may see the key on the confirmation page (and it may be emailed) within this window. */
export const KEY_REVEAL_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Renew appears in the last 30 days of a credential's term. */
export const RENEWAL_WINDOW_DAYS = 30;

export function addMonths(from: Date, months: number): Date {
  const d = new Date(from);
  const day = d.getUTCDate();
  d.setUTCMonth(d.getUTCMonth() + months);
  // 29 Feb + 12 months lands on 1 Mar; keep the last day of the month instead.
  if (d.getUTCDate() !== day) d.setUTCDate(0);
  return d;
}

export function isInRenewalWindow(expiresAt: Date, now: Date): boolean {
  const msLeft = expiresAt.getTime() - now.getTime();
  return msLeft <= RENEWAL_WINDOW_DAYS * 86_400_000;
}

/** A renewal adds a term to the current expiry, or to today when the credential has already expired. */
export function renewedExpiry(expiresAt: Date, termMonths: number, now: Date): Date {
  return addMonths(expiresAt > now ? expiresAt : now, termMonths);
}

export type CredentialStatus =
  "PROOFING_REQUIRED" | "PHONE_REGISTRATION_REQUIRED" | "ACTIVE" | "EXPIRED" | "REVOKED";

/** The status shown to the user: a credential past its expiry is expired whatever was stored. */
export function effectiveStatus(stored: CredentialStatus, expiresAt: Date, now: Date): CredentialStatus {
  if (stored === "REVOKED") return stored;
  return now >= expiresAt ? "EXPIRED" : stored;
}

export const CREDENTIAL_STATUS_LABELS: Record<CredentialStatus, string> = {
  PROOFING_REQUIRED: "Identity proofing required",
  PHONE_REGISTRATION_REQUIRED: "Phone registration required",
  ACTIVE: "Active",
  EXPIRED: "Expired",
  REVOKED: "Revoked",
};
