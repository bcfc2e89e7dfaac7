import { describe, expect, it } from "vitest";
import {
  ageOn,
  availableMethods,
  latestAllowedStep,
  normalizeSsn,
  resetAfter,
  type ProofingFlow,
} from "@/lib/proofing/proofing";
import { SubmitIdentityInputSchema } from "@/lib/proofing/schemas";

const T = new Date("2026-12-01T09:00:00Z");

const fresh: ProofingFlow = {
  status: "IN_PROGRESS",
  country: null,
  method: null,
  nameConfirmedAt: null,
  instructionsReadAt: null,
  consentedAt: null,
  identitySubmittedAt: null,
  identityOutcome: null,
  kbaPassedAt: null,
  linkSentAt: null,
  videoReviewedAt: null,
  videoServiceAt: null,
  scheduleReviewedAt: null,
  slotStartsAt: null,
  appointmentBooked: false,
};

describe("SSN validation", () => {
  it.each(["000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000"])(
    "refuses %s, which the SSA never issues",
    (ssn) => expect(normalizeSsn(ssn)).toBeNull(),
  );

  it.each(["12345678", "1234567890", "123-45-678a", ""])("refuses %j, which is not nine digits", (ssn) =>
    expect(normalizeSsn(ssn)).toBeNull(),
  );

  it("accepts nine digits with dashes or spaces", () => {
    expect(normalizeSsn("123-45-6789")).toBe("123456789");
    expect(normalizeSsn("123 45 6789")).toBe("123456789");
  });

  it("reports a refused SSN on the ssn field", () => {
    const parsed = SubmitIdentityInputSchema.safeParse({
      credentialId: "00000000-0000-4000-8000-000000000000",
      firstName: "Avery",
      lastName: "Quinn",
      birthDate: "1988-04-12",
      addressLine1: "1 Main Street",
      city: "Springfield",
      state: "IL",
      postalCode: "62701",
      ssn: "666-12-3456",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toEqual(["ssn"]);
  });
});

describe("age", () => {
  it("counts whole years, turning over on the birthday", () => {
    expect(ageOn(new Date("2008-12-01T00:00:00Z"), T)).toBe(18);
    expect(ageOn(new Date("2008-12-02T00:00:00Z"), T)).toBe(17);
  });
});

describe("the step graph", () => {
  it("starts at the country and moves on as steps are done", () => {
    expect(latestAllowedStep(fresh)).toBe("country");
    expect(latestAllowedStep({ ...fresh, country: "US" })).toBe("method");
    expect(latestAllowedStep({ ...fresh, country: "US", method: "SELF_SERVICE" })).toBe("name");
  });

  it("asks KBA questions only when the check needs them, then opens the capture", () => {
    const checked = {
      ...fresh,
      country: "US",
      method: "SELF_SERVICE" as const,
      nameConfirmedAt: T,
      instructionsReadAt: T,
      consentedAt: T,
      identitySubmittedAt: T,
    };
    expect(latestAllowedStep({ ...checked, identityOutcome: "KBA_REQUIRED" })).toBe("kba");
    expect(latestAllowedStep({ ...checked, identityOutcome: "KBA_REQUIRED", kbaPassedAt: T })).toBe(
      "capture",
    );
    expect(latestAllowedStep({ ...checked, identityOutcome: "VERIFIED" })).toBe("capture");
  });

  it("sends a decided case to its result", () => {
    expect(latestAllowedStep({ ...fresh, status: "FAILED" })).toBe("result");
  });

  it("keeps self-service steps closed outside the US", () => {
    expect(latestAllowedStep({ ...fresh, country: "GB", method: "SELF_SERVICE" })).toBe("method");
  });

  it("undoes every later step when a step is saved", () => {
    expect(Object.keys(resetAfter("identity"))).toEqual(
      expect.arrayContaining(["identityOutcome", "mobile", "kbaPassedAt", "linkSentAt", "link", "images"]),
    );
    expect(resetAfter("identity")).not.toHaveProperty("consentedAt");
  });
});

describe("methods", () => {
  it("offers self-service in the US until two self-service attempts failed", () => {
    expect(availableMethods("US", 0)).toEqual(["SELF_SERVICE", "LIVE_VIDEO"]);
    expect(availableMethods("US", 2)).toEqual(["LIVE_VIDEO"]);
    expect(availableMethods("CA", 0)).toEqual(["LIVE_VIDEO"]);
  });
});
