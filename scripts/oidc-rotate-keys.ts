// `npm run oidc:rotate-keys`: a new signing key per algorithm, signing now; the old ones stay published a day
// (RETIRE_AFTER_MS), so tokens they signed still verify. Running portals pick the new keys up within 5 minutes.
import { ensureLocalSecrets, loadDotEnv } from "./portal-env";

async function main() {
  loadDotEnv();
  // eslint-disable-next-line no-restricted-properties -- the script checks its configuration before the app's env module
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the portal's database.");
  ensureLocalSecrets();
  const { rotateSigningKeys } = await import("../lib/oidc/keys");
  const created = await rotateSigningKeys(new Date(), true);
  console.log(`${created} new signing key(s) now sign; the previous ones stay published for a day.`);
  process.exit(0);
}

void main();
