import "server-only";
import { logger } from "@/lib/core/logger";
import { deliverPendingNotices, purgeExpiredImages } from "./capture-service";

const EVERY_MS = 60_000;

/**
 * Every minute: retries proofing notices whose email failed, and deletes photos past retention. Safe with
 * several portal processes: notices are claimed by a row update, and deleting a row or file twice is harmless.
 */
export function startProofingUpkeep(): void {
  const run = async () => {
    try {
      const notices = await deliverPendingNotices();
      const purged = await purgeExpiredImages();
      if (notices || purged) logger().info({ notices, purged }, "proofing upkeep");
    } catch (error) {
      logger().error({ err: (error as Error).message }, "proofing upkeep failed");
    }
  };
  setInterval(() => void run(), EVERY_MS).unref();
}
