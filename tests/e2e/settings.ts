// Where the e2e portal runs and what it writes: shared by playwright.config.ts, the tests and
// scripts/test-e2e.ts, without the config's side effects.
/* eslint-disable no-restricted-properties -- the test runner's own configuration */
export const E2E_PORT = 3100;
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_LOG_FILE = ".data/e2e/portal.log";
export const E2E_IMAGE_DIR = ".data/e2e/proofing-images";
/** Secrets a page showed once (activation and recovery codes), noted for the teardown's scan. */
export const E2E_SECRETS_FILE = ".data/e2e/secrets-seen.jsonl";
// Debian's chromium-headless-shell: the same engine as `chromium` without the desktop browser around it,
// which halves the browser's CPU on these two cores (scripts/test-e2e.ts installs it when missing).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium-headless-shell";
