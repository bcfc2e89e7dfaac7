// Prepares a migrated test database and runs a command against it:
//   tsx scripts/test-db.ts [--db NAME] [--clones N] [--seed-demo] -- <command...>
// Uses the server in DATABASE_URL (creating database NAME on it) or, without one, the embedded PostgreSQL.
// --clones N also copies the migrated database into NAME_1 … NAME_N (one per parallel test worker) and
// sets TEST_DB_CLONES=N for the command.
/* eslint-disable no-restricted-properties -- see portal-env.ts */
import pg from "pg";
import { ensureLocalSecrets, loadDotEnv, run, startEmbeddedPostgres, type EmbeddedDb } from "./portal-env";

/** Runs `sql` statements, one after another, on the maintenance database of the server at `url`. */
export async function onServer(url: string, statements: string[]) {
  const server = new URL(url);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    for (const sql of statements) await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** NAME_1 … NAME_count as fresh copies of the migrated database NAME (CREATE DATABASE … TEMPLATE). */
async function cloneTestDatabase(url: string, count: number) {
  const name = new URL(url).pathname.slice(1);
  const clones = Array.from({ length: count }, (_, i) => `${name}_${i + 1}`);
  await onServer(
    url,
    clones.flatMap((clone) => [
      `DROP DATABASE IF EXISTS "${clone}" WITH (FORCE)`,
      `CREATE DATABASE "${clone}" TEMPLATE "${name}"`,
    ]),
  );
}

export async function prepareTestDatabase(name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  loadDotEnv();
  ensureLocalSecrets();
  let embedded: EmbeddedDb | undefined;
  let url: string;
  if (process.env.DATABASE_URL) {
    // Every run starts from an empty database, whatever an earlier run left behind.
    await onServer(process.env.DATABASE_URL, [
      `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
      `CREATE DATABASE "${name}"`,
    ]);
    const target = new URL(process.env.DATABASE_URL);
    target.pathname = `/${name}`;
    url = target.toString();
  } else {
    embedded = await startEmbeddedPostgres(name, { fresh: true });
    url = embedded.url;
  }
  process.env.DATABASE_URL = url;
  await run("prisma", ["migrate", "deploy"]);
  return { url, stop: async () => embedded?.stop() };
}

async function main() {
  const args = process.argv.slice(2);
  const sep = args.indexOf("--");
  const options = sep === -1 ? [] : args.slice(0, sep);
  const command = sep === -1 ? args : args.slice(sep + 1);
  const dbIndex = options.indexOf("--db");
  const name = dbIndex === -1 ? "portal_test" : options[dbIndex + 1]!;
  const clonesIndex = options.indexOf("--clones");
  const clones = clonesIndex === -1 ? 0 : Number(options[clonesIndex + 1]);
  const database = await prepareTestDatabase(name);
  let code = 0;
  try {
    if (clones > 0) {
      await cloneTestDatabase(database.url, clones);
      process.env.TEST_DB_CLONES = String(clones);
    }
    if (options.includes("--seed-demo")) {
      await run("tsx", ["--conditions=react-server", "prisma/seed.ts"], {
        ...process.env,
        SEED_DEMO_ACCOUNTS: "true",
      });
    }
    await run(command[0]!, command.slice(1));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    code = 1;
  } finally {
    await database.stop();
  }
  process.exit(code);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
