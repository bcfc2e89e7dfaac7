import { normalizeCrockford, randomCrockford } from "@/lib/core/crockford";

const GROUPS = 5;
const GROUP_LENGTH = 5;
/** 25 characters × 5 bits = 125 bits of randomness. */
export const LICENSE_KEY_BITS = GROUPS * GROUP_LENGTH * 5;
export const LICENSE_KEY_LENGTH = GROUPS * GROUP_LENGTH;

/** A new key, e.g. `7K3QX-M9T2B-...`, from the CSPRNG. */
export function generateLicenseKey(): string {
  return randomCrockford(GROUPS, GROUP_LENGTH);
}

/** The canonical form of what a user typed, or null when it cannot be a key. */
export function normalizeLicenseKey(input: string): string | null {
  return normalizeCrockford(input, LICENSE_KEY_LENGTH);
}

export function licenseKeyHint(normalized: string): string {
  return normalized.slice(-4);
}
