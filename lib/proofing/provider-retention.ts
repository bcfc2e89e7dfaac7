import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { isStripeIdentityEnabled } from "@/lib/core/env";
import { logger } from "@/lib/core/logger";
import { PROOFING_POLICY } from "./proofing";
import * as retentionRepo from "./retention-repository";
import { redactVerification } from "./stripe-identity";

/**
 * Stripe holds the images of Stripe Identity checks: 30 days after the decision, as for our own photos, it is
 * asked to redact the session (images, document data, ID number). A failed call is retried on the next run.
 * Returns how many sessions were redacted.
 */
export async function redactDecidedSessions(now = new Date()): Promise<number> {
  if (!isStripeIdentityEnabled()) return 0;
  const cutoff = new Date(now.getTime() - PROOFING_POLICY.imageRetentionDays * 24 * 60 * 60_000);
  let redacted = 0;
  for (const { id, providerSessionId } of await retentionRepo.listUnredactedSessions(cutoff, 50)) {
    try {
      await redactVerification(providerSessionId!);
    } catch (error) {
      logger().warn({ err: (error as Error).message, caseId: id }, "stripe identity redaction failed");
      continue;
    }
    await retentionRepo.markSessionRedacted(id, now);
    await recordAudit({
      type: "PROOFING_IMAGES_PURGED",
      result: "SUCCESS",
      detail: { caseId: id, provider: "stripe_identity" },
    });
    redacted += 1;
  }
  return redacted;
}
