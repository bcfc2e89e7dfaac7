import { describe, expect, it } from "vitest";
import { appointmentInvite } from "@/lib/proofing/ics";
import { canPass, freeSlots, type Availability } from "@/lib/proofing/video";

// Tuesday 2026-12-01 09:00 UTC = 04:00 in New York.
const NOW = new Date("2026-12-01T09:00:00Z");
const WEEKDAYS_NY: Availability[] = [1, 2, 3, 4, 5].map((weekday) => ({
  agentId: "agent-a",
  weekday,
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  timeZone: "America/New_York",
}));

describe("free slots", () => {
  it("offers 30-minute slots inside the agent's hours, in the agent's time zone", () => {
    const slots = freeSlots(WEEKDAYS_NY, [], NOW);
    expect(slots[0]!.startsAt.toISOString()).toBe("2026-12-01T14:00:00.000Z"); // 9:00 EST
    const tuesday = slots.filter((s) => s.startsAt.toISOString().startsWith("2026-12-01"));
    expect(tuesday).toHaveLength(16);
    expect(tuesday.at(-1)!.startsAt.toISOString()).toBe("2026-12-01T21:30:00.000Z"); // 16:30 EST
  });

  it("keeps at least 2 hours and at most 14 days ahead", () => {
    const at = new Date("2026-12-01T15:10:00Z"); // 10:10 in New York
    const slots = freeSlots(WEEKDAYS_NY, [], at);
    expect(slots[0]!.startsAt.toISOString()).toBe("2026-12-01T17:30:00.000Z"); // 12:30, not 12:00 (2 h 20 min)
    const last = slots.at(-1)!.startsAt.getTime();
    expect(last).toBeLessThanOrEqual(at.getTime() + 14 * 24 * 60 * 60_000);
    expect(slots.every((s) => s.startsAt.getTime() >= at.getTime() + 2 * 60 * 60_000)).toBe(true);
  });

  it("skips weekends and booked slots, and merges agents free at the same time", () => {
    const other = WEEKDAYS_NY.map((w) => ({ ...w, agentId: "agent-b" }));
    const booked = [{ agentId: "agent-a", startsAt: new Date("2026-12-01T14:00:00Z") }];
    const slots = freeSlots([...WEEKDAYS_NY, ...other], booked, NOW);
    expect(slots[0]).toEqual({ startsAt: new Date("2026-12-01T14:00:00Z"), agentIds: ["agent-b"] });
    expect(slots[1]!.agentIds).toEqual(["agent-a", "agent-b"]);
    const saturday = slots.filter((s) => s.startsAt.toISOString().startsWith("2026-12-05"));
    expect(saturday).toEqual([]);
  });

  it("follows daylight saving time: 9:00 in New York is 13:00 UTC in March after the change", () => {
    const slots = freeSlots(WEEKDAYS_NY, [], new Date("2026-03-05T00:00:00Z"));
    const after = slots.find((s) => s.startsAt.toISOString().startsWith("2026-03-09"));
    const before = slots.find((s) => s.startsAt.toISOString().startsWith("2026-03-06"));
    expect(before!.startsAt.toISOString()).toBe("2026-03-06T14:00:00.000Z");
    expect(after!.startsAt.toISOString()).toBe("2026-03-09T13:00:00.000Z");
  });
});

describe("the session outcome", () => {
  const yes = { alone: true, matches_photo: true, documents_genuine: true, details_match: true };
  it("passes only with accepted evidence and Yes to every question", () => {
    expect(canPass("photo_id", yes)).toBe(true);
    expect(canPass(null, yes)).toBe(false);
    expect(canPass("photo_id", { ...yes, alone: false })).toBe(false);
    expect(canPass("library_card", yes)).toBe(false);
  });
});

describe("the calendar invite", () => {
  it("is an RFC 5545 event with UTC times, escaped text and CRLF lines", () => {
    const ics = appointmentInvite({
      uid: "abc@mag-portal",
      startsAt: new Date("2026-12-03T14:00:00Z"),
      endsAt: new Date("2026-12-03T14:30:00Z"),
      summary: "Proofing; with agent, MAG",
      description: "Join: https://example.test/meetings/abc",
      url: "https://example.test/meetings/abc",
      organizerEmail: "support@example.test",
      attendeeEmail: "erin@example.test",
      now: new Date("2026-12-01T09:00:00Z"),
    });
    expect(ics).toContain("BEGIN:VEVENT\r\n");
    expect(ics).toContain("DTSTART:20261203T140000Z\r\n");
    expect(ics).toContain("DTEND:20261203T143000Z\r\n");
    expect(ics).toContain("SUMMARY:Proofing\\; with agent\\, MAG\r\n");
    expect(ics.split("\r\n").every((line) => line.length <= 75)).toBe(true);
    expect(ics).toContain("SEQUENCE:0\r\n");
  });

  it("folds long lines at 75 octets without splitting a character, and a cancel removes the same entry", () => {
    const ics = appointmentInvite({
      uid: "abc@mag-portal",
      startsAt: new Date("2026-12-03T14:00:00Z"),
      endsAt: new Date("2026-12-03T14:30:00Z"),
      summary: "Vérification d’identité — ".repeat(8),
      description: "Rendez-vous avec un agent 🙂 ".repeat(6),
      url: "https://example.test/meetings/abc",
      organizerEmail: "support@example.test",
      attendeeEmail: "erin@example.test",
      now: new Date("2026-12-01T09:00:00Z"),
      method: "CANCEL",
      sequence: 1,
    });
    const lines = ics.split("\r\n");
    expect(lines.every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
    expect(lines.join("").includes("\uFFFD")).toBe(false);
    // Unfolded (CRLF + space removed), the text is whole again.
    expect(ics.replace(/\r\n /g, "")).toContain(`SUMMARY:${"Vérification d’identité — ".repeat(8)}`);
    expect(ics).toContain("METHOD:CANCEL\r\n");
    expect(ics).toContain("SEQUENCE:1\r\n");
    expect(ics).toContain("STATUS:CANCELLED\r\n");
  });
});
