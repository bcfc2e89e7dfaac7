import "server-only";
import { logger } from "@/lib/core/logger";
import { deliverPendingKeyEmails, wipeExpiredSealedKeys } from "./service";

const EVERY_MS = 60_000;

/**
 * Every minute: emails keys whose first delivery failed (provider down, process stopped after the
 * payment committed) and erases encrypted key copies whose reveal window has closed. Safe with several
 * portal processes: each key email is claimed by one row update.
 */
export function startKeyUpkeep(): void {
  const run = async () => {
    try {
      const sent = await deliverPendingKeyEmails();
      const wiped = await wipeExpiredSealedKeys();
      if (sent || wiped) logger().info({ sent, wiped }, "license key upkeep");
    } catch (error) {
      logger().error({ err: (error as Error).message }, "license key upkeep failed");
    }
  };
  setInterval(() => void run(), EVERY_MS).unref();
}
