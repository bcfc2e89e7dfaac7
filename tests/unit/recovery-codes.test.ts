import { describe, expect, it } from "vitest";
import { newRecoveryCode, normalizeRecoveryCode, RECOVERY_POLICY } from "@/lib/recovery/recovery";

describe("recovery codes", () => {
  it("are 16 Crockford base32 characters in groups of 4: 80 bits, at least NIST's 64", () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(RECOVERY_POLICY.characters * 5).toBeGreaterThanOrEqual(64);
  });

  it("read as typed: case, spaces and dashes do not matter, O is 0 and I or L is 1", () => {
    expect(normalizeRecoveryCode("abcd-efgh-jkmn-pqrs")).toBe("ABCDEFGHJKMNPQRS");
    expect(normalizeRecoveryCode(" o1il 2345 6789 wxyz ")).toBe("011123456789WXYZ");
  });

  it("refuse what cannot be a code", () => {
    for (const typed of [
      "",
      "ABCD-EFGH-JKMN-PQR",
      "ABCD-EFGH-JKMN-PQRST",
      "ABCD-EFGH-JKMN-PQR!",
      "UUUU-0000-0000-0000",
    ])
      expect(normalizeRecoveryCode(typed)).toBeNull();
  });
});
