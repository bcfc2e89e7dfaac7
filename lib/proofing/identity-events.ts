import "server-only";
import type Stripe from "stripe";
import { DomainError } from "@/lib/core/errors";
import { logger } from "@/lib/core/logger";
import { closeCase } from "./capture-service";
import * as caseRepo from "./case-repository";
import { cancelVerification, verdictOf, verificationSummary } from "./stripe-identity";

export type VerificationSessionEvent =
  | Stripe.IdentityVerificationSessionVerifiedEvent
  | Stripe.IdentityVerificationSessionRequiresInputEvent
  | Stripe.IdentityVerificationSessionCanceledEvent;

const STATUS = {
  "identity.verification_session.verified": "verified",
  "identity.verification_session.requires_input": "requires_input",
  "identity.verification_session.canceled": "canceled",
} as const;

/** Stripe as the actor of the decision: no address or browser of the applicant's. */
const FROM_STRIPE = { ip: null, userAgent: "stripe-webhook" };

/**
 * Stripe Identity's result for a self-service case: verified passes it (the credential is proofed and the
 * notice sent); a check that needs new input or a canceled session fails this attempt (the user may start
 * another, as after our own capture). Only an open case is decided, so a replayed or late event changes
 * nothing; an event that arrives before our row saved the session id is matched by metadata.caseId.
 */
export async function onVerificationSession(
  event: VerificationSessionEvent,
  now = new Date(),
): Promise<void> {
  const session = event.data.object;
  const found = await caseRepo.findCaseByProviderSession(session.id, session.metadata?.caseId);
  if (!found) {
    logger().warn({ eventId: event.id, sessionId: session.id }, "stripe identity session of an unknown case");
    return;
  }
  if (found.status !== "IN_PROGRESS") {
    logger().info({ eventId: event.id, caseId: found.id }, "stripe identity event for a decided case");
    return;
  }
  const status = STATUS[event.type];
  const report = session.last_verification_report;
  const summary = await verificationSummary(typeof report === "string" ? report : (report?.id ?? null));
  const verdict = verdictOf(status, session.last_error?.code ?? null, summary);
  try {
    await closeCase(found, verdict, { identity: "stripe_identity", kba: "not_offered" }, FROM_STRIPE, now);
  } catch (error) {
    if (error instanceof DomainError && error.code === "proofing.decided") return; // a concurrent copy won
    throw error;
  }
  // The user may not retry on Stripe's page: this attempt is over, a new one gets a new session.
  if (status === "requires_input")
    await cancelVerification(session.id).catch((error: unknown) =>
      logger().warn({ err: (error as Error).message, caseId: found.id }, "stripe identity cancel failed"),
    );
}
