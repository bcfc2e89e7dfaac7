// A credential's life as pure rules: no I/O, time passed in. `transition` is the only way a stored status
// changes (lib/credentials/repository.ts is the only writer of the credentials table). Expiry is not a stored
// change: a credential past `expiresAt` reads as EXPIRED (`effectiveStatus`), and a renewal moves `expiresAt`.
import type { CredentialErrorCode } from "./errors";

export type CredentialStatus =
  "PROOFING_REQUIRED" | "PHONE_REGISTRATION_REQUIRED" | "ACTIVE" | "EXPIRED" | "REVOKED";

export type CredentialState = {
  status: CredentialStatus;
  proofingRequired: boolean;
  proofedAt: Date | null;
  expiresAt: Date;
};

export type CredentialEvent =
  /** A proofing upgrade key was activated for this unproofed credential. */
  | { type: "REQUIRE_PROOFING" }
  /** Identity proofing passed; phones next, or straight back to active when it has them (an upgrade). */
  | { type: "MARK_PROOFED"; now: Date; hasPhones: boolean }
  /** A phone was verified; the first one makes a credential waiting for phones active. */
  | { type: "ACTIVATE_PHONES" }
  /** Every phone was removed (support's reset): an active credential waits for a new first phone. */
  | { type: "REQUIRE_PHONES" }
  | { type: "REVOKE" }
  /** Another term was paid for: the new expiry (a credential revoked meanwhile stays revoked). */
  | { type: "RENEW"; expiresAt: Date }
  /**
   * At renewal: a proofed credential whose identity verification (its own, or the person's newer one) is older
   * than `validYears` needs proofing again; its phones stay.
   */
  | { type: "RECHECK_PROOFING"; now: Date; validYears: number; personVerifiedAt: Date | null };

export type Transition =
  { ok: true; next: CredentialState; changed: boolean } | { ok: false; code: CredentialErrorCode };

/**
 * An expired credential keeps its phones (they still guard the MAG sign-in) for 90 days, so a late renewal keeps
 * them; its owner is warned at 60 days, and at 90 they are released.
 */
export const PHONE_RELEASE_DAYS = 90;
export const PHONE_RELEASE_NOTICE_DAYS = 60;

/** Renew appears in the last 30 days of a credential's term. */
export const RENEWAL_WINDOW_DAYS = 30;

export const CREDENTIAL_STATUS_LABELS: Record<CredentialStatus, string> = {
  PROOFING_REQUIRED: "Identity proofing required",
  PHONE_REGISTRATION_REQUIRED: "Phone registration required",
  ACTIVE: "Active",
  EXPIRED: "Expired",
  REVOKED: "Revoked",
};

/** A new credential from an activated key: proofing first when the product includes it, else phones. */
export function activatedState(
  product: { includesProofing: boolean; termMonths: number },
  now: Date,
): CredentialState {
  return {
    status: product.includesProofing ? "PROOFING_REQUIRED" : "PHONE_REGISTRATION_REQUIRED",
    proofingRequired: product.includesProofing,
    proofedAt: null,
    expiresAt: addMonths(now, product.termMonths),
  };
}

/** What a staff credential is called wherever credentials are listed (it has no product). */
export const STAFF_CREDENTIAL_NAME = "MAG Staff Phone OTP";

/** A credential's name: its product's, or the staff credential's. */
export function credentialName(product: { name: string } | null): string {
  return product?.name ?? STAFF_CREDENTIAL_NAME;
}

/** Staff credentials last as long as the account (a century, so expiry rules need no exception). */
const STAFF_TERM_MONTHS = 1200;

/** A new staff credential: no proofing (staff are vetted by their employer), its first phone next. */
export function staffState(now: Date): CredentialState {
  return {
    status: "PHONE_REGISTRATION_REQUIRED",
    proofingRequired: false,
    proofedAt: null,
    expiresAt: addMonths(now, STAFF_TERM_MONTHS),
  };
}

export function transition(state: CredentialState, event: CredentialEvent): Transition {
  if (state.status === "REVOKED") {
    // A paid renewal still moves the expiry (support refunds it); removing phones changes nothing; nothing
    // else may touch a revoked credential.
    if (event.type === "RENEW") return changed(state, { expiresAt: event.expiresAt });
    if (event.type === "REQUIRE_PHONES" || event.type === "RECHECK_PROOFING") return unchanged(state);
    return {
      ok: false,
      code: event.type === "REVOKE" ? "credentials.already_revoked" : "credentials.revoked",
    };
  }
  switch (event.type) {
    case "REQUIRE_PROOFING":
      if (state.proofingRequired || state.proofedAt || state.status === "PROOFING_REQUIRED")
        return { ok: false, code: "credentials.proofing_not_applicable" };
      return changed(state, { status: "PROOFING_REQUIRED", proofingRequired: true });
    case "MARK_PROOFED":
      if (state.status !== "PROOFING_REQUIRED")
        return { ok: false, code: "credentials.not_awaiting_proofing" };
      return changed(state, {
        status: event.hasPhones ? "ACTIVE" : "PHONE_REGISTRATION_REQUIRED",
        proofedAt: event.now,
      });
    case "ACTIVATE_PHONES":
      // Phones never stand in for pending proofing: an upgrade's credential stays PROOFING_REQUIRED.
      return state.status === "PHONE_REGISTRATION_REQUIRED"
        ? changed(state, { status: "ACTIVE" })
        : unchanged(state);
    case "REQUIRE_PHONES":
      return state.status === "ACTIVE"
        ? changed(state, { status: "PHONE_REGISTRATION_REQUIRED" })
        : unchanged(state);
    case "REVOKE":
      return changed(state, { status: "REVOKED" });
    case "RENEW":
      return changed(state, { expiresAt: event.expiresAt });
    case "RECHECK_PROOFING": {
      if (!state.proofingRequired || !state.proofedAt) return unchanged(state);
      const person = event.personVerifiedAt;
      const latest = person && person > state.proofedAt ? person : state.proofedAt;
      return event.now < addMonths(latest, event.validYears * 12)
        ? unchanged(state)
        : changed(state, { status: "PROOFING_REQUIRED", proofedAt: null });
    }
  }
}

function changed(state: CredentialState, patch: Partial<CredentialState>): Transition {
  return { ok: true, next: { ...state, ...patch }, changed: true };
}

function unchanged(state: CredentialState): Transition {
  return { ok: true, next: state, changed: false };
}

/** The status shown to the user: a credential past its expiry is expired whatever was stored. */
export function effectiveStatus(stored: CredentialStatus, expiresAt: Date, now: Date): CredentialStatus {
  if (stored === "REVOKED") return stored;
  return now >= expiresAt ? "EXPIRED" : stored;
}

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
