// The production build is reused while it is newer than every file it is made from (`npm run demo`, the e2e
// tests): a `next build` costs a minute of both cores on these machines.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { buildServer } from "./build-server";
import { ROOT, run } from "./portal-env";

const SOURCE_DIRS = ["app", "components", "lib", "public", "types"];
const SOURCE_FILES = [
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "instrumentation.ts",
  "proxy.ts",
  "prisma/schema.prisma",
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // lib/generated follows prisma/schema.prisma, which is listed itself.
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function isBuildStale(): boolean {
  const stamp = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const dirs = SOURCE_DIRS.map((d) => path.join(ROOT, d)).filter(existsSync);
  const files = SOURCE_FILES.map((f) => path.join(ROOT, f)).filter(existsSync);
  const newest = Math.max(...dirs.map(newestMtime), ...files.map((f) => statSync(f).mtimeMs));
  return newest > statSync(stamp).mtimeMs;
}

/** Runs `next build` unless the last build is still fresh (says which), then bundles dist/ (a second). */
export async function buildIfStale(): Promise<void> {
  if (isBuildStale()) {
    // eslint-disable-next-line no-restricted-properties -- a script prepares the build's environment
    await run("next", ["build"], { ...process.env, NODE_ENV: "production" });
  } else console.log("The production build in .next is newer than its sources: reusing it.");
  await buildServer();
}
