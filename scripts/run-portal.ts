// `npm run demo` (production build) and `npm run dev` (hot reload): with no DATABASE_URL, an embedded
// PostgreSQL under .data/ is started, migrated and seeded with the demo accounts once.
/* eslint-disable no-restricted-properties -- see portal-env.ts */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import {
  ensureLocalSecrets,
  loadDotEnv,
  ROOT,
  run,
  startEmbeddedPostgres,
  type EmbeddedDb,
} from "./portal-env";

const mode = process.argv[2] === "dev" ? "dev" : "demo";

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isBuildStale(): boolean {
  const stamp = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const dirs = ["app", "components", "lib", "public"].map((d) => path.join(ROOT, d)).filter(existsSync);
  const files = ["next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"]
    .map((f) => path.join(ROOT, f))
    .filter(existsSync);
  const newest = Math.max(...dirs.map(newestSourceMtime), ...files.map((f) => statSync(f).mtimeMs));
  return newest > statSync(stamp).mtimeMs;
}

async function main() {
  loadDotEnv();
  ensureLocalSecrets();
  process.env.PORT ??= "3000";
  process.env.APP_URL ??= `http://localhost:${process.env.PORT}`;

  let embedded: EmbeddedDb | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres("portal");
    process.env.DATABASE_URL = embedded.url;
    process.env.SEED_DEMO_ACCOUNTS ??= "true";
    console.log("Using the embedded PostgreSQL database in .data/postgres");
  }

  await run("prisma", ["migrate", "deploy"]);
  await run("tsx", ["--conditions=react-server", "prisma/seed.ts"]);

  if (mode === "demo") {
    (process.env as Record<string, string>).NODE_ENV = "production";
    if (isBuildStale()) await run("next", ["build"]);
  }

  const server: ChildProcess = spawn("tsx", ["server.ts", ...(mode === "dev" ? ["--dev"] : [])], {
    stdio: "inherit",
    cwd: ROOT,
    env: process.env,
  });

  const shutdown = async (code: number) => {
    server.kill("SIGTERM");
    await embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  server.once("exit", (code) => void shutdown(code ?? 0));
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
