import type { IdentityEvidence, IdentityOutcome, KbaQuestion } from "./proofing";

/**
 * A credit bureau's identity check (the local stand-in in demo mode), or Stripe Identity's session, which checks
 * the SSN together with the ID document on the phone (lib/proofing/stripe-identity.ts). The portal only ever sees the
 * outcome and, when more evidence is needed, multiple-choice questions whose answers stay with the bureau.
 */
export interface IdentityVerifier {
  verify(input: {
    caseId: string;
    ssn: string;
    identity: IdentityEvidence;
    mobile: string;
  }): Promise<IdentityCheck>;
  /** True when every answer is right; `answers` maps question id → chosen text. */
  checkKbaAnswers(input: { ssn: string; answers: Record<string, string> }): Promise<boolean>;
}

export type IdentityCheck =
  | {
      outcome: Exclude<IdentityOutcome, "KBA_REQUIRED">;
      reference: string;
      /** A provider session the phone continues in (Stripe Identity): the document check decides the case. */
      providerSessionId?: string;
    }
  | { outcome: "KBA_REQUIRED"; reference: string; questions: KbaQuestion[] };
