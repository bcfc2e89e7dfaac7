// `npm run db:app-role`: gives the portal's runtime role (APP_DATABASE_ROLE, default mag_app) what it needs on
// the migrated schema and no more. Run it as the migration role (DATABASE_URL, the tables' owner) after every
// `npm run db:migrate`; with APP_DATABASE_PASSWORD set it also creates the role (or sets its password).
// The runtime role owns nothing, so it cannot ALTER, DROP or disable the audit table's triggers, and it may not
// UPDATE or TRUNCATE the audit table at all (docs/operations.md, "Database roles").
import pg from "pg";
import { appRoleStatements } from "./app-role-grants";
import { loadDotEnv } from "./portal-env";

async function main() {
  loadDotEnv();
  /* eslint-disable no-restricted-properties -- the script runs before (and without) the app's env module */
  const url = process.env.DATABASE_URL;
  const role = process.env.APP_DATABASE_ROLE ?? "mag_app";
  const password = process.env.APP_DATABASE_PASSWORD || undefined;
  /* eslint-enable no-restricted-properties */
  if (!url) throw new Error("Set DATABASE_URL to the migration role's connection (the tables' owner).");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const owner = (await client.query<{ owner: string }>("SELECT current_user AS owner")).rows[0]!.owner;
    if (owner === role) throw new Error(`DATABASE_URL connects as ${role} itself: use the migration role.`);
    for (const statement of appRoleStatements(role, password)) await client.query(statement);
    console.log(`${role}: granted on the schema owned by ${owner}.`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
