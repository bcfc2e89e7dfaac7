import { randomInt } from "node:crypto";

// Crockford base32: no I, L, O or U, so keys survive being read aloud or copied by hand.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 5;
const GROUP_LENGTH = 5;
/** 25 characters × 5 bits = 125 bits of randomness. */
export const LICENSE_KEY_BITS = GROUPS * GROUP_LENGTH * 5;
export const LICENSE_KEY_LENGTH = GROUPS * GROUP_LENGTH;

/** A new key, e.g. `7K3QX-M9T2B-...`, from the CSPRNG. */
export function generateLicenseKey(): string {
  const chars = Array.from({ length: LICENSE_KEY_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i += 1)
    groups.push(chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(""));
  return groups.join("-");
}

/**
 * The canonical form of what a user typed: upper-case, without spaces or dashes, with the letters
 * Crockford reads as digits (O → 0, I and L → 1). Returns null when it cannot be a key.
 */
export function normalizeLicenseKey(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (compact.length !== LICENSE_KEY_LENGTH) return null;
  for (const c of compact) if (!ALPHABET.includes(c)) return null;
  return compact;
}

export function licenseKeyHint(normalized: string): string {
  return normalized.slice(-4);
}
