import { describe, expect, it } from "vitest";
import { generateCode } from "@/lib/otp/otp";

/** Pearson's chi-square statistic of `counts` against equal expected counts. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
}

// Critical values for p = 1e-6 (Wilson–Hilferty): a fair generator fails one of these checks about once in
// a hundred thousand runs, while a bias of a few per cent in any digit fails every run.
const CRITICAL_DF_9 = 46.0;
const CRITICAL_DF_99 = 181.1;

describe("the one-time code generator", () => {
  const codes = Array.from({ length: 100_000 }, () => generateCode());

  it("makes six-digit codes, leading zeros included", () => {
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.some((c) => c.startsWith("0"))).toBe(true);
  });

  it("spreads each of the six digits evenly over 0–9 (chi-square over 100,000 codes)", () => {
    for (let position = 0; position < 6; position += 1) {
      const counts = Array.from({ length: 10 }, () => 0);
      for (const code of codes) counts[Number(code[position])]! += 1;
      expect(chiSquare(counts), `digit ${position + 1}`).toBeLessThan(CRITICAL_DF_9);
    }
  });

  it("spreads the first two digits evenly over 00–99, and repeats a code no more than chance would", () => {
    const counts = Array.from({ length: 100 }, () => 0);
    for (const code of codes) counts[Number(code.slice(0, 2))]! += 1;
    expect(chiSquare(counts)).toBeLessThan(CRITICAL_DF_99);
    // 100,000 draws from 1,000,000 values: about 4,800 collide; a generator stuck on few values would not.
    expect(new Set(codes).size).toBeGreaterThan(94_000);
  });
});
