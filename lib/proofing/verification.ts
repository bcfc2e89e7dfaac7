// How long a passed identity proofing carries over to the person's other credentials. Pure rules, no I/O.

export const IDENTITY_VERIFICATION_POLICY = {
  /**
   * Years a verification stands in for a new proofing. Source: issue 18's policy and the research brief's
   * "proofing portability" (shared/research/MISSION_ANCHORS.md: keep the result on the identity, with an
   * expiry); three years is the longest gap the Mobile ID bundle (E15) lets a proofing serve new products.
   */
  validYears: 3,
  /** What a passed proofing of this portal reaches (NIST SP 800-63A identity assurance level 2). */
  level: "IAL2",
} as const;

/** The last moment a verification made at `verifiedAt` still carries over. */
export function verificationValidUntil(verifiedAt: Date): Date {
  const until = new Date(verifiedAt);
  until.setUTCFullYear(until.getUTCFullYear() + IDENTITY_VERIFICATION_POLICY.validYears);
  return until;
}

/** Whether a verification made at `verifiedAt` carries over at `now`. */
export function isVerificationCurrent(verifiedAt: Date, now: Date): boolean {
  return now < verificationValidUntil(verifiedAt);
}
