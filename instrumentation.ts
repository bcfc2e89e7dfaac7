// Runs once per portal process at start-up: the background job runner, unless a separate worker runs it.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- Next's own runtime marker, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, isLocalOutboxActive, isLocalOutboxReadable } = await import("./lib/core/env");
  if (isLocalOutboxActive() && !isLocalOutboxReadable()) {
    const { logger } = await import("./lib/core/logger");
    const missing = env().SMTP_URL ? "texts and calls (Twilio)" : "email (SMTP_URL)";
    logger().warn(
      { missing },
      "a channel has no real provider: its messages stay in the outbox table, unread",
    );
  }
  if (!env().JOBS_IN_PORTAL) return;
  const { startJobRunner } = await import("./lib/jobs/runner");
  await startJobRunner();
}
