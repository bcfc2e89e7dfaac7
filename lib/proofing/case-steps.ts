import "server-only";
import { DomainError } from "@/lib/core/errors";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import { enqueueJob } from "@/lib/jobs/queue";
import { deleteImage } from "./image-store";
import {
  isStepAllowed,
  latestAllowedStep,
  resetAfter,
  type FlowReset,
  type ProofingStep,
  type WizardStep,
} from "./proofing";
import * as appointmentRepo from "./appointment-repository";
import * as caseRepo from "./case-repository";
import * as retentionRepo from "./retention-repository";
import { APPOINTMENT_JOBS } from "./video";

// The wizard's shared mechanics for the self-service and live video services: finding the open case at a
// step, saving a step with the undo of later ones, and audit rows.

/** The user's open case on this credential, with `step` allowed; refused otherwise. */
export async function openCaseAt(userId: string, credentialId: string, step: WizardStep) {
  const credential = await caseRepo.findCredential(userId, credentialId);
  if (!credential) throw new DomainError("proofing.not_found");
  if (credential.status !== "PROOFING_REQUIRED") throw new DomainError("proofing.not_required");
  const current = await caseRepo.findLatestCase(credential.id);
  if (!current) throw new DomainError("proofing.not_found");
  if (current.status !== "IN_PROGRESS") throw new DomainError("proofing.decided");
  if (!isStepAllowed(step, current)) throw new DomainError("proofing.step_unavailable");
  return current;
}

/** Column values that clear what `reset` names. */
function columnsFor(reset: FlowReset): caseRepo.CaseChanges {
  const out: caseRepo.CaseChanges = {};
  if ("country" in reset) out.country = null;
  if ("method" in reset) out.method = null;
  if ("nameConfirmedAt" in reset) out.nameConfirmedAt = null;
  if ("instructionsReadAt" in reset) out.instructionsReadAt = null;
  if ("consentedAt" in reset) Object.assign(out, { consentedAt: null, consentVersion: null });
  if ("identitySubmittedAt" in reset) out.identitySubmittedAt = null;
  if ("identity" in reset)
    Object.assign(out, { identityEncrypted: null, ssnEncrypted: null, ssnFingerprint: null, ssnLast4: null });
  if ("identityOutcome" in reset)
    Object.assign(out, { identityOutcome: null, identityCheckedAt: null, kbaQuestions: null });
  if ("mobile" in reset) Object.assign(out, { mobileEncrypted: null, mobileLastDigits: null });
  if ("kbaPassedAt" in reset) out.kbaPassedAt = null;
  if ("linkSentAt" in reset) out.linkSentAt = null;
  if ("videoReviewedAt" in reset) out.videoReviewedAt = null;
  if ("videoServiceAt" in reset) out.videoServiceAt = null;
  if ("scheduleReviewedAt" in reset) out.scheduleReviewedAt = null;
  if ("slotStartsAt" in reset) out.slotStartsAt = null;
  if ("link" in reset)
    Object.assign(out, {
      linkTokenHash: null,
      linkExpiresAt: null,
      captureSessionHash: null,
      captureStartedAt: null,
      captureCompletedAt: null,
    });
  return out;
}

/**
 * Saves `step`'s answer after undoing every later step. Returns the photos that rested on undone steps,
 * whose rows are gone once `tx` commits; pass them to `discardImages` then.
 */
export async function saveStep(
  caseId: string,
  step: WizardStep,
  changes: caseRepo.CaseChanges,
  tx: Tx,
): Promise<caseRepo.StoredImage[]> {
  const reset = resetAfter(step);
  if (!(await caseRepo.updateOpenCase(caseId, { ...columnsFor(reset), ...changes }, tx)))
    throw new DomainError("proofing.decided");
  if ("appointment" in reset) {
    // A new country or method cancels the booking: the applicant is told, as for any cancellation.
    for (const appointmentId of await appointmentRepo.cancelBookedAppointments(caseId, tx))
      await enqueueJob(
        APPOINTMENT_JOBS.cancelled,
        { appointmentId, reason: "cancelled" },
        { runAt: new Date() },
        tx,
      );
  }
  if (!("images" in reset)) return [];
  const images = await caseRepo.listImages(caseId, tx);
  await retentionRepo.deleteImageRows(
    images.map((i) => i.id),
    tx,
  );
  return images;
}

export async function discardImages(images: caseRepo.StoredImage[]): Promise<void> {
  await Promise.all(images.map((i) => deleteImage(i.storageKey)));
}

/** One step's save in its own transaction. */
export async function saveStepAlone(
  caseId: string,
  step: WizardStep,
  changes: caseRepo.CaseChanges,
): Promise<ProofingStep> {
  await discardImages(await inTransaction((tx) => saveStep(caseId, step, changes, tx)));
  return nextStepOf(caseId);
}

/** Where the wizard goes after a save: the furthest step the saved case allows ("result" once decided). */
export async function nextStepOf(caseId: string): Promise<ProofingStep> {
  const saved = await caseRepo.findCaseById(caseId);
  if (!saved) throw new DomainError("proofing.not_found");
  return latestAllowedStep(saved);
}
