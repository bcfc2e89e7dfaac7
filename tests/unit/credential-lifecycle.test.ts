import { describe, expect, it } from "vitest";
import {
  activatedState,
  addMonths,
  effectiveStatus,
  isInRenewalWindow,
  renewedExpiry,
  transition,
  type CredentialEvent,
  type CredentialState,
  type CredentialStatus,
} from "@/lib/credentials/credentials";

const NOW = new Date("2026-11-30T12:00:00Z");
const NEXT_YEAR = new Date("2027-11-30T12:00:00Z");

function state(status: CredentialStatus, overrides: Partial<CredentialState> = {}): CredentialState {
  return { status, proofingRequired: false, proofedAt: null, expiresAt: NEXT_YEAR, ...overrides };
}

function next(from: CredentialState, event: CredentialEvent) {
  const result = transition(from, event);
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result;
}

function refusal(from: CredentialState, event: CredentialEvent) {
  const result = transition(from, event);
  return result.ok ? "allowed" : result.code;
}

describe("a new credential from an activated key", () => {
  it("waits for proofing when the product includes it, for a year", () => {
    expect(activatedState({ includesProofing: true, termMonths: 12 }, NOW)).toEqual({
      status: "PROOFING_REQUIRED",
      proofingRequired: true,
      proofedAt: null,
      expiresAt: NEXT_YEAR,
    });
  });

  it("waits for its first phone when the product has no proofing", () => {
    expect(activatedState({ includesProofing: false, termMonths: 12 }, NOW)).toMatchObject({
      status: "PHONE_REGISTRATION_REQUIRED",
      proofingRequired: false,
    });
  });
});

describe("credential transitions", () => {
  it("MARK_PROOFED: a new proofed credential waits for phones; an upgraded one with phones is active again", () => {
    const pending = state("PROOFING_REQUIRED", { proofingRequired: true });
    expect(next(pending, { type: "MARK_PROOFED", now: NOW, hasPhones: false }).next).toMatchObject({
      status: "PHONE_REGISTRATION_REQUIRED",
      proofedAt: NOW,
    });
    expect(next(pending, { type: "MARK_PROOFED", now: NOW, hasPhones: true }).next).toMatchObject({
      status: "ACTIVE",
      proofedAt: NOW,
    });
  });

  it("MARK_PROOFED is refused unless the credential waits for proofing", () => {
    for (const status of ["PHONE_REGISTRATION_REQUIRED", "ACTIVE"] as const)
      expect(refusal(state(status), { type: "MARK_PROOFED", now: NOW, hasPhones: true })).toBe(
        "credentials.not_awaiting_proofing",
      );
    expect(refusal(state("REVOKED"), { type: "MARK_PROOFED", now: NOW, hasPhones: true })).toBe(
      "credentials.revoked",
    );
  });

  it("REQUIRE_PROOFING: an unproofed credential, active or waiting for phones, must be proofed", () => {
    for (const status of ["ACTIVE", "PHONE_REGISTRATION_REQUIRED"] as const)
      expect(next(state(status), { type: "REQUIRE_PROOFING" }).next).toMatchObject({
        status: "PROOFING_REQUIRED",
        proofingRequired: true,
      });
  });

  it("REQUIRE_PROOFING is refused for a proofed, a pending or a revoked credential", () => {
    expect(
      refusal(state("ACTIVE", { proofedAt: NOW, proofingRequired: true }), { type: "REQUIRE_PROOFING" }),
    ).toBe("credentials.proofing_not_applicable");
    expect(
      refusal(state("PROOFING_REQUIRED", { proofingRequired: true }), { type: "REQUIRE_PROOFING" }),
    ).toBe("credentials.proofing_not_applicable");
    expect(refusal(state("REVOKED"), { type: "REQUIRE_PROOFING" })).toBe("credentials.revoked");
  });

  it("ACTIVATE_PHONES: the first phone makes a waiting credential active; later phones change nothing", () => {
    expect(next(state("PHONE_REGISTRATION_REQUIRED"), { type: "ACTIVATE_PHONES" })).toMatchObject({
      changed: true,
      next: { status: "ACTIVE" },
    });
    expect(next(state("ACTIVE"), { type: "ACTIVATE_PHONES" }).changed).toBe(false);
  });

  it("ACTIVATE_PHONES never stands in for pending proofing, and is refused on a revoked credential", () => {
    const pending = state("PROOFING_REQUIRED", { proofingRequired: true });
    expect(next(pending, { type: "ACTIVATE_PHONES" })).toMatchObject({ changed: false, next: pending });
    expect(refusal(state("REVOKED"), { type: "ACTIVATE_PHONES" })).toBe("credentials.revoked");
  });

  it("REQUIRE_PHONES: an active credential waits for a new first phone; any other stays as it is", () => {
    expect(next(state("ACTIVE"), { type: "REQUIRE_PHONES" }).next.status).toBe("PHONE_REGISTRATION_REQUIRED");
    for (const status of ["PROOFING_REQUIRED", "PHONE_REGISTRATION_REQUIRED", "REVOKED"] as const)
      expect(next(state(status), { type: "REQUIRE_PHONES" }).changed).toBe(false);
  });

  it("REVOKE: any credential but a revoked one", () => {
    for (const status of ["PROOFING_REQUIRED", "PHONE_REGISTRATION_REQUIRED", "ACTIVE"] as const)
      expect(next(state(status), { type: "REVOKE" }).next.status).toBe("REVOKED");
    expect(refusal(state("REVOKED"), { type: "REVOKE" })).toBe("credentials.already_revoked");
  });

  it("RENEW moves the expiry only; a revoked credential stays revoked", () => {
    const later = new Date("2028-11-30T12:00:00Z");
    expect(next(state("ACTIVE"), { type: "RENEW", expiresAt: later }).next).toEqual(
      state("ACTIVE", { expiresAt: later }),
    );
    expect(next(state("REVOKED"), { type: "RENEW", expiresAt: later }).next).toEqual(
      state("REVOKED", { expiresAt: later }),
    );
  });

  it("RECHECK_PROOFING: a proofing older than 3 years (and no newer one of the person) is needed again", () => {
    const proofed = state("ACTIVE", { proofingRequired: true, proofedAt: new Date("2023-11-30T12:00:00Z") });
    const recheck = (personVerifiedAt: Date | null, now = NOW) =>
      next(proofed, { type: "RECHECK_PROOFING", now, validYears: 3, personVerifiedAt });
    expect(recheck(null).next).toMatchObject({ status: "PROOFING_REQUIRED", proofedAt: null });
    expect(recheck(null, new Date("2026-11-30T11:59:00Z")).changed).toBe(false);
    expect(recheck(new Date("2025-06-01T00:00:00Z")).changed).toBe(false);
    // Nothing to recheck on a credential sold without proofing, or a revoked one.
    const plain = state("ACTIVE", { proofedAt: null });
    const event = { type: "RECHECK_PROOFING", now: NOW, validYears: 3, personVerifiedAt: null } as const;
    expect(next(plain, event).changed).toBe(false);
    expect(next(state("REVOKED", { proofingRequired: true, proofedAt: new Date(0) }), event).changed).toBe(
      false,
    );
  });
});

describe("expiry and renewal", () => {
  it("a credential past its expiry reads as expired, unless revoked", () => {
    expect(effectiveStatus("ACTIVE", NOW, NOW)).toBe("EXPIRED");
    expect(effectiveStatus("ACTIVE", NEXT_YEAR, NOW)).toBe("ACTIVE");
    expect(effectiveStatus("REVOKED", NOW, NOW)).toBe("REVOKED");
  });

  it("Renew shows in the last 30 days", () => {
    expect(isInRenewalWindow(new Date("2026-12-30T12:00:00Z"), NOW)).toBe(true);
    expect(isInRenewalWindow(new Date("2026-12-30T12:00:01Z"), NOW)).toBe(false);
  });

  it("a renewal adds a term to the expiry, or to today once expired; month ends are kept", () => {
    expect(renewedExpiry(new Date("2026-12-15T00:00:00Z"), 12, NOW)).toEqual(
      new Date("2027-12-15T00:00:00Z"),
    );
    expect(renewedExpiry(new Date("2026-01-01T00:00:00Z"), 12, NOW)).toEqual(NEXT_YEAR);
    expect(addMonths(new Date("2028-02-29T00:00:00Z"), 12)).toEqual(new Date("2029-02-28T00:00:00Z"));
  });
});
