import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  formatDate,
  formatDateTime,
  isTimeZone,
  timeZoneNames,
} from "@/lib/core/time-zone";

const LATE_EVENING_UTC = new Date("2026-12-01T23:30:00Z");

describe("dates in the reader's time zone", () => {
  it("puts a late UTC evening on the next day in Tokyo and the same day in New York", () => {
    expect(formatDate(LATE_EVENING_UTC, "Asia/Tokyo")).toBe("2026-12-02");
    expect(formatDate(LATE_EVENING_UTC, "America/New_York")).toBe("2026-12-01");
    expect(formatDate(LATE_EVENING_UTC, null)).toBe("2026-12-01");
  });

  it("names the zone beside the time, and UTC while the zone is unknown", () => {
    expect(formatDateTime(LATE_EVENING_UTC, "Europe/Paris")).toBe("2026-12-02 00:30 CET");
    expect(formatDateTime(LATE_EVENING_UTC, null)).toBe("2026-12-01 23:30 UTC");
    // Summer time changes the offset and the name.
    expect(formatDateTime(new Date("2026-07-01T12:00:00Z"), "Europe/Paris")).toBe("2026-07-01 14:00 CEST");
  });

  it("accepts IANA zones under their canonical names and refuses anything else", () => {
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    expect(canonicalTimeZone("US/Eastern")).toBe("America/New_York");
    for (const bad of ["", "Mars/Olympus", "<script>", "x".repeat(65)]) expect(isTimeZone(bad)).toBe(false);
    const names = timeZoneNames();
    expect(names[0]).toBe("UTC");
    expect(names).toContain("Europe/Paris");
    expect(new Set(names).size).toBe(names.length);
  });
});
