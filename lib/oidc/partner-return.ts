// A partner asked for the phone OTP (urn:mag:aal2) from a user who has no active credential yet. Rather than
// failing, the portal lets the user take the Get 2FA path (store, license key, activation, a phone) and then
// sends them back to the partner. What is remembered is the partner's own authorization request, replayed
// from the start: the interaction itself lives 10 minutes, the detour may take longer, and a replay passes
// every check again (client, redirect URI, PKCE challenge, the partner's state and nonce).

/** How long a browser remembers the way back (a card purchase and a phone take minutes; invoices, days). */
export const PARTNER_RETURN_TTL_SECONDS = 60 * 60;

const AUTHORIZATION_PATH = "/oidc/auth";
const MAX_PATH_LENGTH = 3000;

/** The authorization request with these (already validated) parameters, as a same-origin path. */
export function authorizationPathOf(params: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (typeof value === "string") query.set(name, value);
  return `${AUTHORIZATION_PATH}?${query.toString()}`;
}

/** The partner's client_id in a remembered path, or null when the value is not one of ours. */
export function parseAuthorizationPath(value: string | undefined): { path: string; clientId: string } | null {
  if (!value || value.length > MAX_PATH_LENGTH || !value.startsWith(`${AUTHORIZATION_PATH}?`)) return null;
  const clientId = new URLSearchParams(value.slice(AUTHORIZATION_PATH.length + 1)).get("client_id");
  return clientId ? { path: value, clientId } : null;
}
