import { describe, expect, it } from "vitest";
import { credentialTimeline } from "@/lib/admin/timeline";

const day = (d: string) => new Date(`${d}T12:00:00Z`);

describe("a credential's timeline for support", () => {
  const history = {
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
      {
        issuedAt: day("2026-11-08"),
        expiresAt: day("2026-12-08"),
        usedAt: day("2026-11-10"),
        revokedAt: null,
      },
    ],
    phoneNumbers: [{ country: "US", lastDigits: "43", verifiedAt: day("2026-11-11") }],
  };

  it("runs from purchase to renewal in time order, showing hints and last digits only", () => {
    const events = credentialTimeline(history, day("2026-11-20"));
    expect(events.map((e) => e.label)).toEqual([
      "Purchased (order MAG-000042)",
      "Paid by invoice",
      "License key issued (ending 7QX2)",
      "Activated",
      "Proofing started",
      "Proofing failed (identity_not_verified): self-service, SSN ending 6799",
      "Proofing started",
      "Proofing passed: live video",
      "Activation code issued, expires 2026-12-08",
      "Activation code used",
      "Credential proofed",
      "Phone registered (US ••43)",
      "Renewal due",
      "Expires",
    ]);
    expect(events.filter((e) => e.upcoming).map((e) => e.label)).toEqual(["Renewal due", "Expires"]);
  });
});
