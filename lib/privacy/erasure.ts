import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { logger } from "@/lib/core/logger";
import { inTransaction } from "@/lib/core/transaction";
import { ERASE_AFTER_DAYS, eraseClosedProfile } from "@/lib/accounts/closing";
import { deleteImage } from "@/lib/proofing/image-store";
import { eraseAccountRows, lockNextErasable } from "./erasure-repository";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The hourly erasure of accounts closed 30 days ago and not reopened: personal data overwritten or deleted
 * (lib/privacy/erasure-repository.ts), orders and invoices kept for the tax records, audit rows kept under the
 * bare account id. One account per transaction, row-locked, so parallel workers never erase one twice.
 */
export async function eraseClosedAccounts(now = new Date(), limit = 100): Promise<number> {
  const closedBefore = new Date(now.getTime() - ERASE_AFTER_DAYS * DAY_MS);
  let erased = 0;
  while (erased < limit) {
    const done = await inTransaction(async (tx) => {
      const userId = await lockNextErasable(closedBefore, tx);
      if (!userId) return null;
      const images = await eraseAccountRows(userId, tx);
      await eraseClosedProfile(userId, now, tx);
      await recordAudit({ type: "ACCOUNT_ERASED", result: "SUCCESS", subjectUserId: userId }, tx);
      return images;
    });
    if (!done) break;
    // After the commit: a photo whose delete fails is an unreadable sealed file with no row naming it.
    await Promise.all(done.map((key) => deleteImage(key).catch(() => undefined)));
    erased += 1;
  }
  if (erased > 0) logger().info({ erased }, "closed accounts erased");
  return erased;
}
