import { rm } from "node:fs/promises";
import { E2E_IMAGE_DIR, E2E_LOG_FILE } from "./settings";

/** Starts every run with no log file and no stored photos, so the teardown's scan sees this run only. */
export default async function globalSetup() {
  await rm(E2E_LOG_FILE, { force: true });
  await rm(E2E_IMAGE_DIR, { recursive: true, force: true });
}
