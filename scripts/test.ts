// `npm test`: every check and test tier, as fast as two cores allow, then a table of stage times.
//   tsx scripts/test.ts [--fast]     --fast: everything but the production build and the browser tests
// Stages that need nothing from each other run side by side; a stage's output is printed when it ends
// (the long test tiers stream theirs). After a failure no further stage starts; those running finish.
// One database server serves every tier: DATABASE_URL's, or the embedded PostgreSQL started here once.
/* eslint-disable no-restricted-properties -- see portal-env.ts */
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { buildServer } from "./build-server";
import { isBuildStale } from "./next-build";
import { ensureLocalSecrets, loadDotEnv, ROOT, startEmbeddedServer } from "./portal-env";
import { ensureChromium, ensureUnzip } from "./test-e2e";

type Stage = { name: string; run: () => Promise<number>; stream?: boolean };
type Result = { name: string; startedAt: number; seconds: number; passed: boolean };

const fast = process.argv.includes("--fast");
const t0 = Date.now();
const output = new Map<string, string>();

/** Runs a command for a stage; buffers its output unless `stream`. Resolves with the exit code. */
function command(stage: string, cmd: string, args: string[], stream = false): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: process.env, stdio: stream ? "inherit" : "pipe" });
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.once("error", (error) => {
      output.set(stage, `${text}${error.message}\n`);
      resolve(1);
    });
    child.once("close", (code) => {
      output.set(stage, text);
      resolve(code ?? 1);
    });
  });
}

const npmRun = (stage: string, script: string, stream = false, ...args: string[]) =>
  command(stage, "npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], stream);

const stages = {
  lint: { name: "lint", run: () => npmRun("lint", "lint") },
  format: { name: "format check", run: () => npmRun("format check", "format:check") },
  typecheck: { name: "typecheck", run: () => npmRun("typecheck", "typecheck") },
  bundle: { name: "bundle budget", run: () => npmRun("bundle budget", "check:bundle") },
  unit: {
    name: "unit",
    run: () =>
      ensureUnzip().then(
        () => npmRun("unit", "test:unit"),
        (error: unknown) => (console.error(error), 1),
      ),
  },
  integration: {
    name: "integration",
    run: () => npmRun("integration", "test:integration", true),
    stream: true,
  },
  build: {
    name: "build",
    run: async () => {
      // The browser is needed only after the build; its install (first run only) overlaps with it.
      const [chromium, build] = await Promise.all([
        ensureChromium().then(
          () => 0,
          (error: unknown) => (console.error(error), 1),
        ),
        isBuildStale()
          ? command("build", "next", ["build"])
          : (output.set("build", "Reusing the fresh production build in .next.\n"), Promise.resolve(0)),
      ]);
      const bundle = await buildServer().then(
        () => 0,
        (error: unknown) => (console.error(error), 1),
      );
      return chromium || build || bundle;
    },
  },
  e2e: { name: "e2e", run: () => npmRun("e2e", "test:e2e", true, "--no-build"), stream: true },
} satisfies Record<string, Stage>;

// Each stage starts as soon as the stages it needs have passed, so both cores stay busy and the critical path
// (build → e2e) starts at once. Typecheck reads .next/types, which the build writes: it runs after the build
// (checking the routes' generated types too), beside the browser tests. Those wait for the integration tier
// as well: beside it, on two cores, they would time out.
const after: Partial<Record<keyof typeof stages, (keyof typeof stages)[]>> = {
  typecheck: ["build"],
  bundle: ["build"],
  integration: ["unit"],
  e2e: ["build", "integration"],
};
const selected: (keyof typeof stages)[] = fast
  ? ["lint", "format", "typecheck", "unit", "integration"]
  : ["lint", "format", "typecheck", "unit", "integration", "build", "bundle", "e2e"];

async function runStage(stage: Stage): Promise<Result> {
  const startedAt = Date.now();
  const code = await stage.run();
  const result = {
    name: stage.name,
    startedAt,
    seconds: (Date.now() - startedAt) / 1000,
    passed: code === 0,
  };
  const text = output.get(stage.name)?.trimEnd();
  if (!stage.stream) {
    console.log(`\n── ${stage.name} ${result.passed ? "passed" : "FAILED"} ──${text ? `\n${text}` : ""}`);
  }
  return result;
}

/** Runs the selected stages in dependency order; after a failure no further stage starts. */
async function runAll(): Promise<Result[]> {
  const results: Result[] = [];
  const running = new Map<keyof typeof stages, Promise<boolean>>();
  const start = (key: keyof typeof stages): Promise<boolean> => {
    let promise = running.get(key);
    if (!promise) {
      promise = (async () => {
        const needs = await Promise.all((after[key] ?? []).filter((k) => selected.includes(k)).map(start));
        if (!needs.every(Boolean) || results.some((r) => !r.passed)) return false;
        const result = await runStage(stages[key]);
        results.push(result);
        return result.passed;
      })();
      running.set(key, promise);
    }
    return promise;
  };
  await Promise.all(selected.map(start));
  return results.sort((a, b) => a.startedAt - b.startedAt);
}

function printTable(results: Result[]) {
  const rows = results.map((r) => [
    r.name,
    `${Math.round((r.startedAt - t0) / 1000)} s`,
    `${r.seconds.toFixed(0)} s`,
    r.passed ? "passed" : "FAILED",
  ]);
  rows.push(["total", "", `${((Date.now() - t0) / 1000).toFixed(0)} s`, ""]);
  const header = ["stage", "started", "took", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  // .ci/run folds these rows into its own table.
  const file = process.env.STAGE_TIMINGS_FILE;
  if (file) for (const r of results) appendFileSync(file, `${r.name}\t${r.seconds.toFixed(0)}\n`);
}

async function main() {
  loadDotEnv();
  ensureLocalSecrets();
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedServer();
  if (embedded) process.env.DATABASE_URL = embedded.url;
  let results: Result[] = [];
  try {
    results = await runAll();
  } finally {
    await embedded?.stop();
  }
  printTable(results);
  const failed = results.filter((r) => !r.passed).map((r) => r.name);
  if (failed.length > 0) console.error(`\nFailed: ${failed.join(", ")}`);
  process.exit(failed.length > 0 ? 1 : 0);
}

void main();
