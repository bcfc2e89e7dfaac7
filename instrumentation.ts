// Runs once per portal process at start-up: the background job runner, unless a separate worker runs it.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- Next's own runtime marker, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/core/env");
  if (!env().JOBS_IN_PORTAL) return;
  const { startJobRunner } = await import("./lib/jobs/runner");
  await startJobRunner();
}
