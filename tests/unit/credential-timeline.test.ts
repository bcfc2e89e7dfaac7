import { describe, expect, it } from "vitest";
import { nextStep } from "@/lib/credentials/next-step";
import { credentialTimeline, type CredentialHistory } from "@/lib/credentials/timeline";

const day = (d: string) => new Date(`${d}T12:00:00Z`);

const history: CredentialHistory = {
  status: "ACTIVE",
  activatedAt: day("2026-11-03"),
  expiresAt: day("2027-11-03"),
  proofedAt: day("2026-11-10"),
  licenseKey: {
    hint: "7QX2",
    issuedAt: day("2026-11-02"),
    order: {
      number: 42n,
      createdAt: day("2026-11-01"),
      paidAt: day("2026-11-02"),
      paymentMethod: "INVOICE",
      amountCents: 8900,
      currency: "usd",
    },
  },
  proofingCases: [
    {
      method: "SELF_SERVICE",
      status: "FAILED",
      createdAt: day("2026-11-04"),
      decidedAt: day("2026-11-04"),
      ssnLast4: "6799",
      failureReason: "identity_not_verified",
    },
    {
      method: "LIVE_VIDEO",
      status: "PASSED",
      createdAt: day("2026-11-05"),
      decidedAt: day("2026-11-08"),
      ssnLast4: null,
      failureReason: null,
    },
  ],
  activationCodes: [
    { issuedAt: day("2026-11-08"), expiresAt: day("2026-12-08"), usedAt: day("2026-11-10"), revokedAt: null },
  ],
  phoneNumbers: [{ id: "p1", country: "US", lastDigits: "43", verifiedAt: day("2026-11-11") }],
  changes: [
    { kind: "phone_added", at: day("2026-11-11"), phoneId: "p1", label: "US ••43", channel: "VOICE" },
    { kind: "phone_added", at: day("2026-11-12"), phoneId: "p2", label: "US ••44", channel: "SMS" },
    { kind: "phone_removed", at: day("2026-11-13"), label: "US ••44" },
  ],
};

describe("a credential's timeline", () => {
  it("runs from purchase to expiry in time order for support, with hints and last digits only", () => {
    const events = credentialTimeline(history, day("2026-11-20"), "staff");
    expect(events.map((e) => e.label)).toEqual([
      "Purchased (order MAG-000042, $89.00)",
      "Paid by invoice",
      "License key issued (ending 7QX2)",
      "Activated",
      "Identity proofing started (self-service)",
      "Identity proofing did not pass (self-service)",
      "Proofing evidence: SSN ending 6799, identity_not_verified",
      "Identity proofing started (live video)",
      "Identity proofing passed (live video)",
      "Activation code issued, valid until 2026-12-08",
      "Activation code used",
      "Identity verified for this credential",
      "Phone added (US ••43, by voice call)",
      "Phone added (US ••44, by text)",
      "Phone removed (US ••44)",
      "Renewal opens",
      "Expires (in 348 days)",
    ]);
    expect(events.filter((e) => e.upcoming).map((e) => e.label)).toEqual([
      "Renewal opens",
      "Expires (in 348 days)",
    ]);
  });

  it("is the same for the user, without the staff-only evidence", () => {
    const staff = credentialTimeline(history, day("2026-11-20"), "staff");
    const user = credentialTimeline(history, day("2026-11-20"), "user");
    expect(user).toEqual(staff.filter((e) => !e.label.startsWith("Proofing evidence")));
    expect(JSON.stringify(user)).not.toContain("6799");
  });

  it("says what comes next while proofing is pending, and nothing ahead of a revoked credential", () => {
    const pending = {
      ...history,
      status: "PROOFING_REQUIRED",
      proofedAt: null,
      activationCodes: [],
      changes: [],
    };
    expect(credentialTimeline(pending, day("2026-11-20"), "user").map((e) => e.label)).toContain(
      "Next: complete identity proofing",
    );
    const revoked = credentialTimeline({ ...history, status: "REVOKED" }, day("2026-11-20"), "user");
    expect(revoked.some((e) => e.upcoming)).toBe(false);
  });
});

describe("the dashboard's next step", () => {
  const base = { id: "c1", expiresInDays: null, hasPendingCode: false };

  it("names the one thing to do for each state", () => {
    expect(nextStep({ ...base, status: "PHONE_REGISTRATION_REQUIRED" })?.text).toBe("Register a phone");
    expect(nextStep({ ...base, status: "PROOFING_REQUIRED" })?.text).toBe("Complete identity proofing");
    expect(nextStep({ ...base, status: "PROOFING_REQUIRED", hasPendingCode: true })?.href).toBe(
      "/credentials/c1/activate-code",
    );
    const appointment = { startsAt: new Date("2026-12-03T15:00:00Z"), timeZone: "America/New_York" };
    expect(nextStep({ ...base, status: "PROOFING_REQUIRED", appointment })?.text).toBe(
      "Your appointment is Thu 3 Dec at 10:00",
    );
    expect(nextStep({ ...base, status: "ACTIVE", expiresInDays: 12 })).toEqual({
      text: "Renew in 12 days",
      href: "/store?renew=c1",
    });
    expect(nextStep({ ...base, status: "ACTIVE" })).toBeNull();
    expect(nextStep({ ...base, status: "EXPIRED" })?.href).toBe("/store?renew=c1");
    expect(nextStep({ ...base, status: "REVOKED" })).toBeNull();
  });
});
