import type { IdentityEvidence, IdentityOutcome, KbaQuestion } from "./proofing";

/**
 * A credit bureau's identity check (Experian Precise ID in production). The portal only ever sees the
 * outcome and, when more evidence is needed, multiple-choice questions whose answers stay with the bureau.
 */
export interface IdentityVerifier {
  verify(input: { ssn: string; identity: IdentityEvidence; mobile: string }): Promise<IdentityCheck>;
  /** True when every answer is right; `answers` maps question id → chosen text. */
  checkKbaAnswers(input: { ssn: string; answers: Record<string, string> }): Promise<boolean>;
}

export type IdentityCheck =
  | { outcome: Exclude<IdentityOutcome, "KBA_REQUIRED">; reference: string }
  | { outcome: "KBA_REQUIRED"; reference: string; questions: KbaQuestion[] };
