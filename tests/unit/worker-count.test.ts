import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { workerCount } from "@/lib/ops/cluster";

describe("how many portal processes run (WEB_CONCURRENCY)", () => {
  it("defaults to the cores less one, leaving one to the database and the jobs, and at least one", () => {
    const expected = Math.max(1, availableParallelism() - 1);
    expect(workerCount(undefined)).toBe(expected);
    expect(workerCount(" ")).toBe(expected);
  });

  it("takes a whole number from 1 to 64 and refuses anything else, naming the setting", () => {
    expect(workerCount("1")).toBe(1);
    expect(workerCount("4")).toBe(4);
    for (const bad of ["0", "65", "1.5", "two", "-1"]) {
      expect(() => workerCount(bad)).toThrow(/WEB_CONCURRENCY must be a whole number from 1 to 64/);
    }
  });
});
