import "server-only";
import { hashesEqual, keyedHash } from "@/lib/core/crypto";

// A browser that has signed in to an account before carries a signed token naming that account (the device
// cookie). Its wrong passwords count apart from everyone else's, so a stranger who spends the account's
// failure budget does not lock the owner out (Login.gov, Okta: "known device" exemptions).

const PURPOSE = "known-device";
/** A device stays known for a year after its last successful sign-in (each one renews the token). */
export const KNOWN_DEVICE_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** The token a browser keeps after signing in to `userId` at `now`. */
export function issueDeviceToken(userId: string, now: Date): string {
  const body = `${userId}.${now.getTime().toString(36)}`;
  return `${body}.${keyedHash(PURPOSE, body)}`;
}

/** The account a device token was issued for, while it is valid; null for anything else. */
export function knownDeviceAccount(token: string | undefined, now: Date): string | null {
  const [userId, issued, mac] = (token ?? "").split(".");
  if (!userId || !issued || !mac || !hashesEqual(mac, keyedHash(PURPOSE, `${userId}.${issued}`))) return null;
  const age = now.getTime() - parseInt(issued, 36);
  return age >= 0 && age <= KNOWN_DEVICE_TTL_MS ? userId : null;
}
