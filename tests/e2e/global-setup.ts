import { rm } from "node:fs/promises";
import { E2E_LOG_FILE } from "./settings";

/**
 * Starts every run with no log file, so the teardown's scan sees this run only (scripts/test-e2e.ts starts the
 * photo store empty).
 */
export default async function globalSetup() {
  await rm(E2E_LOG_FILE, { force: true });
}
