// End-to-end tests: Debian's chromium-headless-shell (installed when missing), a production build (reused while fresh,
// skipped with --no-build), a migrated and seeded database, then Playwright (which starts the portal
// itself, see playwright.config.ts).
/* eslint-disable no-restricted-properties -- see portal-env.ts */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { s3Settings, startFakeS3 } from "../tests/setup/s3";
import { CHROMIUM_PATH, E2E_IMAGE_DIR, E2E_LOG_FILE, E2E_SECRETS_FILE } from "../tests/e2e/settings";
import { run } from "./portal-env";
import { buildIfStale } from "./next-build";
import { prepareTestDatabase } from "./test-db";

export async function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${CHROMIUM_PATH}: no such file`);
  console.log("Installing Debian's chromium-headless-shell for the e2e tests (apt-get)...");
  await run("apt-get", ["update", "-qq"]);
  await run("apt-get", ["install", "-y", "-qq", "chromium-headless-shell"], {
    ...process.env,
    DEBIAN_FRONTEND: "noninteractive",
  });
}

/** Debian's unzip, which the zip writer's unit tests check their archives with (installed when missing). */
export async function ensureUnzip() {
  if (spawnSync("unzip", ["-v"]).status === 0) return;
  console.log("Installing Debian's unzip for the zip tests (apt-get)...");
  await run("apt-get", ["update", "-qq"]);
  await run("apt-get", ["install", "-y", "-qq", "unzip"], {
    ...process.env,
    DEBIAN_FRONTEND: "noninteractive",
  });
}

async function main() {
  await ensureChromium();
  const database = await prepareTestDatabase("portal_e2e");
  // Every run starts with no log file and no photos, so the teardown's PII scan sees this run only (before
  // Playwright starts the portal, which opens the log). Photos go to an S3 bucket on loopback, as with several
  // instances in production; its files sit under E2E_IMAGE_DIR.
  rmSync(E2E_LOG_FILE, { force: true });
  rmSync(E2E_SECRETS_FILE, { force: true });
  rmSync(E2E_IMAGE_DIR, { recursive: true, force: true });
  const s3 = await startFakeS3("mag-e2e", E2E_IMAGE_DIR);
  let code = 0;
  try {
    await run("tsx", ["--conditions=react-server", "prisma/seed.ts"], {
      ...process.env,
      SEED_DEMO_ACCOUNTS: "true",
    });
    if (!process.argv.includes("--no-build")) await buildIfStale();
    // The tests build their starting state with the portal's own modules (tests/factories), which are
    // server code: they load under React's server condition, as in the worker and the seed. They log and
    // store photos where the portal does, so the global teardown's PII scan reads both.
    await run("playwright", ["test", ...process.argv.slice(2).filter((a) => a !== "--no-build")], {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim(),
      MAG_DEMO: "true",
      LOG_FILE: E2E_LOG_FILE,
      LOG_LEVEL: "info",
      ...s3Settings(s3),
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    code = 1;
  } finally {
    await s3.stop();
    await database.stop();
  }
  process.exit(code);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
