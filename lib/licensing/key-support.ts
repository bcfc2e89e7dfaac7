import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { RequestInfo } from "@/lib/core/caller";
import { DomainError } from "@/lib/core/errors";
import { logger } from "@/lib/core/logger";
import { inTransaction } from "@/lib/core/transaction";
import * as repo from "./repository";
import type { KeyActionInput } from "./schemas";
import { deliverLicenseKeyEmail, issueLicenseKey } from "./service";

// Support's actions on an order's license key: re-send it (as a new key) or revoke it while unused.

/** Support's re-send: a new key replaces the order's unused one and is emailed to the buyer. */
export async function resendLicenseKey(
  actorId: string,
  { orderId, reason }: KeyActionInput,
  request: RequestInfo,
  now = new Date(),
) {
  const order = await repo.findOrderOfKeys(orderId);
  if (!order || order.status !== "PAID" || order.renewsCredentialId)
    throw new DomainError("licensing.order_not_paid");
  const issued = await inTransaction(async (tx) => {
    // A used key cannot be re-sent: the credential it made is the order's.
    if ((await repo.countActivatedKeys(orderId, tx)) > 0) throw new DomainError("licensing.key_used");
    const revoked = await repo.revokeUnusedKeys(orderId, now, "replaced by support", tx);
    if (revoked > 0) {
      await recordAudit(
        { type: "LICENSE_KEY_REVOKED", result: "SUCCESS", actorId, detail: { orderId, revoked } },
        tx,
      );
    }
    return issueLicenseKey(orderId, actorId, now, tx);
  });
  await recordAudit({
    type: "LICENSE_KEY_ISSUED",
    result: "SUCCESS",
    actorId,
    subjectUserId: order.userId,
    ...request,
    detail: { orderId, resend: true, reason },
  });
  if (!(await deliverLicenseKeyEmail(issued.keyId, now)))
    logger().warn({ orderId }, "re-sent key not emailed yet");
}

/** Support's revocation of an order's unused key (leaked, sent to the wrong person): it no longer activates. */
export async function revokeLicenseKey(
  actorId: string,
  { orderId, reason }: KeyActionInput,
  request: RequestInfo,
  now = new Date(),
) {
  const order = await repo.findOrderOfKeys(orderId);
  if (!order) throw new DomainError("licensing.no_unused_key");
  await inTransaction(async (tx) => {
    const revoked = await repo.revokeUnusedKeys(orderId, now, reason, tx);
    if (revoked === 0) throw new DomainError("licensing.no_unused_key");
    await recordAudit(
      {
        type: "LICENSE_KEY_REVOKED",
        result: "SUCCESS",
        actorId,
        subjectUserId: order.userId,
        ...request,
        detail: { orderId, revoked, reason },
      },
      tx,
    );
  });
}
