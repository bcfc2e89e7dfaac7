import { getCountries } from "libphonenumber-js/max";

export type Country = { code: string; name: string };

const names = new Intl.DisplayNames(["en"], { type: "region" });

/** Every country with a telephone numbering plan, named in English and sorted by name. */
export const COUNTRIES: readonly Country[] = getCountries()
  .map((code) => ({ code: String(code), name: names.of(code) ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name));

const CODES = new Set(COUNTRIES.map((c) => c.code));

export function isKnownCountry(code: string): boolean {
  return CODES.has(code);
}

export function countryName(code: string): string {
  return names.of(code) ?? code;
}
