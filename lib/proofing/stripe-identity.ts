import "server-only";
import { env } from "@/lib/core/env";
import { stripe } from "@/lib/payments/stripe-client";
import type { CaptureVerdict } from "./document-checker";
import type { IdentityVerifier } from "./identity-verifier";

// Stripe Identity (STRIPE_IDENTITY=true): the phone opens Stripe's hosted capture (front and back of the ID,
// a selfie, the SSN checked against the name and date of birth on the document) instead of our capture pages.
// Stripe keeps the images; we keep the decision, the session id and the check summary below.

/**
 * The identity step with Stripe Identity: no bureau check and no KBA (Stripe Identity has none). It opens the
 * VerificationSession that the texted link will lead to; the SSN is judged there, with the document, and the
 * case is decided by the identity.verification_session.* webhooks.
 */
export const stripeIdentityVerifier: IdentityVerifier = {
  async verify({ caseId }) {
    const session = await stripe().identity.verificationSessions.create(
      {
        type: "document",
        options: {
          document: {
            allowed_types: ["driving_license", "passport", "id_card"],
            require_id_number: true,
            require_matching_selfie: true,
            require_live_capture: true,
          },
        },
        metadata: { caseId },
        return_url: new URL("/proof/verified", env().APP_URL).toString(),
      },
      // One session per case, however often the step is retried.
      { idempotencyKey: `proofing-${caseId}-verification` },
    );
    return { outcome: "VERIFIED", reference: session.id, providerSessionId: session.id };
  },
  checkKbaAnswers: () => Promise.resolve(false),
};

/** Where the texted link sends the phone: the session's hosted page, while it still takes a capture. */
export async function verificationPageUrl(sessionId: string): Promise<string | null> {
  const session = await stripe().identity.verificationSessions.retrieve(sessionId);
  return session.status === "requires_input" ? session.url : null;
}

/** What the decision rests on, from the session's last report: no image, no full ID number. */
export type VerificationSummary = {
  documentType: string;
  issuingCountry: string;
  document: string;
  selfie: string;
  idNumber: string;
};

export async function verificationSummary(reportId: string | null): Promise<VerificationSummary> {
  const report = reportId ? await stripe().identity.verificationReports.retrieve(reportId) : null;
  return {
    documentType: report?.document?.type ?? "unknown",
    issuingCountry: report?.document?.issuing_country ?? "unknown",
    document: report?.document?.status ?? "unknown",
    selfie: report?.selfie?.status ?? "unknown",
    idNumber: report?.id_number?.status ?? "unknown",
  };
}

/** Stripe's `last_error.code` of a session that needs new input, as our failure reasons. */
const FAILURES: Record<string, string> = {
  document_expired: "document_expired",
  document_type_not_supported: "document_unverified",
  document_unverified_other: "document_unverified",
  selfie_document_missing_photo: "selfie_mismatch",
  selfie_face_mismatch: "selfie_mismatch",
  selfie_manipulated: "selfie_mismatch",
  selfie_unverified_other: "selfie_mismatch",
  id_number_insufficient_document_data: "ssn_mismatch",
  id_number_mismatch: "ssn_mismatch",
  id_number_unverified_other: "ssn_mismatch",
  consent_declined: "consent_declined",
  under_supported_age: "identity_not_verified",
  country_not_supported: "identity_not_verified",
};

/** The session's result as the document checker's verdict, so both providers decide a case the same way. */
export function verdictOf(
  status: "verified" | "requires_input" | "canceled",
  errorCode: string | null,
  summary: VerificationSummary,
): CaptureVerdict {
  const checks = [
    `document:${summary.document}`,
    `selfie:${summary.selfie}`,
    `id_number:${summary.idNumber}`,
    `document_type:${summary.documentType}`,
    `issuing_country:${summary.issuingCountry}`,
  ];
  if (status === "verified") return { passed: true, checks };
  const reason = status === "canceled" ? "canceled" : (FAILURES[errorCode ?? ""] ?? "identity_not_verified");
  return { passed: false, reason, checks };
}

/** Stops a session we no longer wait for (the case failed or was replaced), so it cannot be submitted. */
export async function cancelVerification(sessionId: string): Promise<void> {
  await stripe().identity.verificationSessions.cancel(sessionId);
}

/** Asks Stripe to delete the session's images and personal data (our 30-day retention). */
export async function redactVerification(sessionId: string): Promise<void> {
  await stripe().identity.verificationSessions.redact(sessionId);
}
