// End-to-end tests: Debian's chromium (installed when missing), a production build (reused while fresh,
// skipped with --no-build), a migrated and seeded database, then Playwright (which starts the portal
// itself, see playwright.config.ts).
/* eslint-disable no-restricted-properties -- see portal-env.ts */
import { existsSync } from "node:fs";
import { run } from "./portal-env";
import { buildIfStale } from "./next-build";
import { prepareTestDatabase } from "./test-db";

export async function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return;
  console.log("Installing Debian's chromium for the e2e tests (apt-get)...");
  await run("apt-get", ["update", "-qq"]);
  await run("apt-get", ["install", "-y", "-qq", "chromium"], {
    ...process.env,
    DEBIAN_FRONTEND: "noninteractive",
  });
}

async function main() {
  await ensureChromium();
  const database = await prepareTestDatabase("portal_e2e");
  let code = 0;
  try {
    await run("tsx", ["--conditions=react-server", "prisma/seed.ts"], {
      ...process.env,
      SEED_DEMO_ACCOUNTS: "true",
    });
    if (!process.argv.includes("--no-build")) await buildIfStale();
    await run("playwright", ["test", ...process.argv.slice(2).filter((a) => a !== "--no-build")]);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    code = 1;
  } finally {
    await database.stop();
  }
  process.exit(code);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
