// `npm run demo` (production build) and `npm run dev` (hot reload): with no DATABASE_URL, an embedded
// PostgreSQL under .data/ is started, migrated and seeded with the demo accounts once.
/* eslint-disable no-restricted-properties -- see portal-env.ts */
import { spawn, type ChildProcess } from "node:child_process";
import {
  ensureLocalSecrets,
  loadDotEnv,
  ROOT,
  run,
  startEmbeddedPostgres,
  type EmbeddedDb,
} from "./portal-env";
import { buildIfStale } from "./next-build";

const mode = process.argv[2] === "dev" ? "dev" : "demo";

async function main() {
  loadDotEnv();
  ensureLocalSecrets();
  process.env.PORT ??= "3000";
  // The demo and dev portals run the local stand-ins (outbox, test cards, identity checks): demo mode.
  process.env.MAG_DEMO ??= "true";
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
    await buildIfStale();
  }

  // The demo runs the production bundle (dist/server.js), as `npm start` does; dev runs the sources.
  const [command, args] = mode === "dev" ? ["tsx", ["server.ts", "--dev"]] : ["node", ["dist/server.js"]];
  const server: ChildProcess = spawn(command, args, {
    stdio: "inherit",
    cwd: ROOT,
    env: process.env,
  });

  // The demo partner application (examples/partner-app), registered by the seed: sign in there with MAG.
  const partner: ChildProcess = spawn("tsx", ["examples/partner-app/server.ts"], {
    stdio: "inherit",
    cwd: ROOT,
    env: { ...process.env, MAG_ISSUER: `${process.env.APP_URL}/oidc`, PARTNER_PORT: "3002" },
  });

  const shutdown = async (code: number) => {
    partner.kill("SIGTERM");
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
