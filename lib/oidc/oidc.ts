// What the provider tells partners about a sign-in and a person: pure rules, no I/O.

/** Authentication assurance: a password alone, or a password and a phone OTP on an active credential. */
export const ACR_AAL1 = "urn:mag:aal1";
export const ACR_AAL2 = "urn:mag:aal2";
export const ACR_VALUES = [ACR_AAL1, ACR_AAL2] as const;
export type Acr = (typeof ACR_VALUES)[number];

/** The scopes a partner application may be allowed (openid always). */
export const OIDC_SCOPES = ["openid", "email", "profile", "offline_access"] as const;

/** How the session signed in: a password alone, or with a phone OTP (by text or by voice when known). */
export type SignInStrength = { authLevel: "PASSWORD" | "PASSWORD_OTP"; otpChannel: "SMS" | "VOICE" | null };

/** RFC 8176 methods: the password, and a one-time code by text (sms) or by voice (tel). */
export function amrFor({ authLevel, otpChannel }: SignInStrength): string[] {
  if (authLevel === "PASSWORD") return ["pwd"];
  if (!otpChannel) return ["pwd", "otp"];
  return ["pwd", "otp", otpChannel === "SMS" ? "sms" : "tel"];
}

/** Whether the partner asks for the phone OTP: in this request's acr_values or as its registered default. */
export function wantsAal2(acrValues: unknown, defaultAcrValues: unknown): boolean {
  const asked = typeof acrValues === "string" ? acrValues.split(" ") : [];
  return asked.includes(ACR_AAL2) || (Array.isArray(defaultAcrValues) && defaultAcrValues.includes(ACR_AAL2));
}

export function acrFor({ authLevel }: SignInStrength): Acr {
  return authLevel === "PASSWORD_OTP" ? ACR_AAL2 : ACR_AAL1;
}

/** Identity assurance: 2 once proofed on an active credential, else 1. */
export function identityClaims(proofedAt: Date | null): { mag_ial: 1 | 2; mag_proofed_at?: number } {
  return proofedAt ? { mag_ial: 2, mag_proofed_at: Math.floor(proofedAt.getTime() / 1000) } : { mag_ial: 1 };
}
