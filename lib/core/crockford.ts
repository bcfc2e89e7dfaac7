import { randomInt } from "node:crypto";

// Crockford base32: no I, L, O or U, so codes survive being read aloud or copied by hand.
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `groups` dash-separated groups of `groupLength` random Crockford characters (5 bits each), from the CSPRNG. */
export function randomCrockford(groups: number, groupLength: number): string {
  return Array.from({ length: groups }, () =>
    Array.from({ length: groupLength }, () => CROCKFORD_ALPHABET[randomInt(CROCKFORD_ALPHABET.length)]).join(
      "",
    ),
  ).join("-");
}

/**
 * The canonical form of a typed code: upper-case, without spaces or dashes, with the letters Crockford reads
 * as digits (O → 0, I and L → 1). Null when it is not `length` Crockford characters.
 */
export function normalizeCrockford(input: string, length: number): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (compact.length !== length) return null;
  for (const c of compact) if (!CROCKFORD_ALPHABET.includes(c)) return null;
  return compact;
}
