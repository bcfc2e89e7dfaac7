// Runs once per portal process at start-up: background upkeep that must not wait for a user.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- Next's own runtime marker, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startKeyUpkeep } = await import("./lib/licensing/upkeep");
  startKeyUpkeep();
  const { startProofingUpkeep } = await import("./lib/proofing/upkeep");
  startProofingUpkeep();
}
