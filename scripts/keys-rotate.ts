// `npm run keys:rotate`: re-seals every stored secret still sealed with an earlier data key. Run it after the
// new DATA_ENCRYPTION_KEY (with the old one in DATA_ENCRYPTION_PREVIOUS_KEYS) is deployed to every instance;
// portals keep serving meanwhile (docs/operations.md, "Rotating the data key").
import { loadDotEnv, readLocalSecrets } from "./portal-env";

async function main() {
  loadDotEnv();
  // eslint-disable-next-line no-restricted-properties -- the script checks its configuration before the app's env module
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the portal's database.");
  readLocalSecrets();
  const { resealWithCurrentKey } = await import("../lib/keys/service");
  const counts = await resealWithCurrentKey((column, done) =>
    console.log(`${column}: ${done} re-sealed so far`),
  );
  for (const [column, done] of Object.entries(counts)) console.log(`${column}: ${done} re-sealed`);
  console.log("Every stored value is sealed with the current key; photos expire within 30 days.");
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
