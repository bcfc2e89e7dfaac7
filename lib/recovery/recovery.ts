// Recovery codes (look-up secrets, NIST SP 800-63B §5.1.2): the way back in when every phone is lost. Pure
// rules: how many, how they look, how a typed one is read. No I/O.
import { randomBytes } from "node:crypto";

export const RECOVERY_POLICY = {
  /** Codes per set; a new set voids the old one. */
  codesPerSet: 10,
  /** 16 Crockford base32 characters: 80 bits each (NIST asks for at least 64). */
  characters: 16,
  /** Wrong codes before recovery locks for an hour (a lock-out of its own, apart from the phone OTP's). */
  failuresBeforeLock: 10,
} as const;

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A new code as shown to the user: XXXX-XXXX-XXXX-XXXX. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(RECOVERY_POLICY.characters);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/**
 * A typed code, read as Crockford base32 reads it (case, spaces and dashes ignored; O is 0, I and L are 1),
 * or null when it cannot be a code.
 */
export function normalizeRecoveryCode(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (chars.length !== RECOVERY_POLICY.characters) return null;
  return [...chars].every((c) => ALPHABET.includes(c)) ? chars : null;
}
