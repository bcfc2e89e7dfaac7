// Pure account rules: no I/O.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const EMAIL_VERIFY_TTL_MS = 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/** User IDs never contain "@", so a sign-in name with "@" is an email address. */
export function isEmailLogin(login: string): boolean {
  return login.includes("@");
}

export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

// A short deny list of the most common passwords of 12+ characters (NIST 800-63B: check against
// commonly used values). Length does most of the work; the list stops the obvious ones.
const COMMON_PASSWORDS = new Set([
  "123456789012",
  "1234567890123",
  "password1234",
  "password12345",
  "passwordpassword",
  "qwertyuiopas",
  "qwerty123456",
  "111111111111",
  "000000000000",
  "aaaaaaaaaaaa",
  "iloveyou1234",
  "administrator",
  "letmein12345",
  "welcome12345",
  "changeme1234",
]);

/** Returns a reason the password is refused, or null. */
export function passwordProblem(password: string, personal: string[]): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) return "This password is too common.";
  for (const p of personal) {
    if (p.length >= 4 && lower.includes(p.toLowerCase())) {
      return "Do not use your name, email address or user ID in your password.";
    }
  }
  return null;
}
