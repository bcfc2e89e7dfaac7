import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { countryName } from "@/lib/accounts/countries";

// Pure phone rules: which countries we serve, on which channels, and which numbers we refuse.

/** How a phone gets its codes: a text or a voice call (the one channel type of the portal). */
export type Channel = "SMS" | "VOICE";

/** Countries the portal sends codes to, and whether voice calls go there (Twilio voice geo permissions). */
export const SERVED_COUNTRIES: Readonly<Record<string, { sms: boolean; voice: boolean }>> = {
  US: { sms: true, voice: true },
  CA: { sms: true, voice: true },
  GB: { sms: true, voice: true },
  AU: { sms: true, voice: false },
  DE: { sms: true, voice: false },
  FR: { sms: true, voice: false },
  IE: { sms: true, voice: false },
  IN: { sms: true, voice: false },
  JP: { sms: true, voice: false },
  MX: { sms: true, voice: false },
  NL: { sms: true, voice: false },
};

/** The Country menu of a new phone: the served countries by name. */
export const PHONE_COUNTRY_OPTIONS = Object.keys(SERVED_COUNTRIES)
  .map((code) => ({ value: code, label: countryName(code) }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** The country a new phone's menu starts on: the account's when we serve it. */
export function defaultPhoneCountry(accountCountry: string): string {
  return SERVED_COUNTRIES[accountCountry] ? accountCountry : "US";
}

export type PhoneProblem =
  | "phones.invalid_number"
  | "phones.country_not_served"
  | "phones.number_type_refused"
  | "phones.voice_not_available"
  | "phones.sms_to_landline";

export type ParsedPhone = { e164: string; country: string; lastDigits: string };

// PERSONAL_NUMBER (+1 500 …) follows its owner to any line, like VoIP: not tied to a device.
const REFUSED_TYPES = new Set([
  "PREMIUM_RATE",
  "SHARED_COST",
  "VOIP",
  "TOLL_FREE",
  "PAGER",
  "UAN",
  "VOICEMAIL",
  "PERSONAL_NUMBER",
]);

/** Parses a number typed for `country` (spaces, dashes, dots and parentheses tolerated) and checks it can get codes. */
export function checkPhone(
  country: string,
  typed: string,
  channel: Channel,
): ParsedPhone | { problem: PhoneProblem } {
  const served = SERVED_COUNTRIES[country];
  if (!served) return { problem: "phones.country_not_served" };
  const cleaned = typed.replace(/[\s().-]/g, "");
  if (!/^\+?\d{4,17}$/.test(cleaned)) return { problem: "phones.invalid_number" };
  const parsed = parsePhoneNumberFromString(
    cleaned,
    country as Parameters<typeof parsePhoneNumberFromString>[1],
  );
  if (!parsed || !parsed.isValid()) return { problem: "phones.invalid_number" };
  if (parsed.country !== country) return { problem: "phones.invalid_number" };
  const type = parsed.getType();
  if (type && REFUSED_TYPES.has(type)) return { problem: "phones.number_type_refused" };
  if (channel === "VOICE" && !served.voice) return { problem: "phones.voice_not_available" };
  if (channel === "SMS" && type === "FIXED_LINE") return { problem: "phones.sms_to_landline" };
  return { e164: parsed.number, country, lastDigits: parsed.number.slice(-2) };
}

/** Kinds of line the carrier lookup names that never get a phone registered, each with its own message. */
const REFUSED_LINES: Readonly<Record<string, LineProblem>> = {
  nonFixedVoip: "phones.line_voip",
  tollFree: "phones.line_toll_free",
  premium: "phones.line_premium",
  sharedCost: "phones.line_premium",
  uan: "phones.line_premium",
  voicemail: "phones.line_voicemail",
  pager: "phones.line_pager",
};

export type LineProblem =
  | "phones.line_voip"
  | "phones.line_toll_free"
  | "phones.line_premium"
  | "phones.line_voicemail"
  | "phones.line_pager"
  | "phones.sms_to_landline"
  | "otp.sim_swap_recent";

/** No code goes to a phone whose SIM was swapped or ported this recently (an account takeover's first step). */
export const SIM_SWAP_HOLD_MS = 72 * 60 * 60_000;

/**
 * What the carrier lookup's answer forbids: a refused kind of line when `registering`, a text to a landline,
 * and any code within 72 hours of a SIM swap. Pure.
 */
export function lineProblem(
  line: { lineType: string; simSwappedAt: Date | null },
  send: { registering: boolean; channel: Channel; now: Date },
): LineProblem | null {
  if (send.registering && REFUSED_LINES[line.lineType]) return REFUSED_LINES[line.lineType]!;
  if (send.channel === "SMS" && line.lineType === "landline") return "phones.sms_to_landline";
  if (line.simSwappedAt && send.now.getTime() - line.simSwappedAt.getTime() < SIM_SWAP_HOLD_MS)
    return "otp.sim_swap_recent";
  return null;
}

/**
 * Whether a code may go to an accepted number by `channel` today: checked at every send (sign-in, step-up,
 * registration), since a number registered for texts may be asked for a call, and the served countries change.
 */
export function channelProblem(
  e164: string,
  channel: Channel,
): "phones.country_not_served" | "phones.voice_not_available" | null {
  const served = SERVED_COUNTRIES[countryOf(e164)];
  if (!served || !(channel === "SMS" ? served.sms : served.voice)) {
    return served ? "phones.voice_not_available" : "phones.country_not_served";
  }
  return null;
}

/** "(•••) •••-••43": enough to recognise one's own phone, not enough to learn it. */
export function maskPhone(country: string, lastDigits: string): string {
  return `${country} ••• ••• ••${lastDigits}`;
}

/** Reads digits the way a voice call should: one at a time, with pauses. */
export function spokenDigits(code: string): string {
  return code.split("").join(", ");
}

/** The country of an E.164 number we accepted earlier. */
export function countryOf(e164: string): string {
  return parsePhoneNumberFromString(e164)?.country ?? "";
}

/** Which form field a phone problem belongs next to. */
export function fieldOf(problem: PhoneProblem): "country" | "phone" | "channel" {
  if (problem === "phones.country_not_served") return "country";
  if (problem === "phones.voice_not_available" || problem === "phones.sms_to_landline") return "channel";
  return "phone";
}
