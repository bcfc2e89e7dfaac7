// Dates as a user reads them: in their own time zone (stored on the profile, detected in the browser), or in
// UTC, named, until it is known. Staff pages show UTC with the user's zone beside it.

/** The runtime's canonical name of an IANA zone ("Etc/UTC" → "UTC"), or null when it is not one. */
export function canonicalTimeZone(zone: string): string | null {
  if (zone.length === 0 || zone.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

/** The zone's name as shown beside dates: UTC when unknown. */
export function zoneName(zone: string | null | undefined): string {
  return zone ?? "UTC";
}

/** "2026-12-01": the calendar date in `zone` (UTC when unknown). */
export function formatDate(at: Date, zone: string | null | undefined): string {
  return at.toLocaleDateString("en-CA", {
    timeZone: zoneName(zone),
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
}

/** "2026-12-01 14:05 CET": date and time in `zone` (UTC when unknown), with the zone's short name. */
export function formatDateTime(at: Date, zone: string | null | undefined): string {
  const time = at.toLocaleTimeString("en-GB", {
    timeZone: zoneName(zone),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  });
  return `${formatDate(at, zone)} ${time}`;
}

/** Every IANA time zone this runtime knows, UTC first, for the profile's menu. */
export function timeZoneNames(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}
