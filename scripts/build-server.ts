// Bundles the portal's own Node entry points into dist/ (plain JavaScript, packages left as imports), so that a
// production install runs them with node alone: no tsx, no TypeScript, no dev dependencies (`npm run build`).
import { build, type Plugin } from "esbuild";
import path from "node:path";
import { ROOT } from "./portal-env";

export const SERVER_ENTRY_POINTS = {
  server: "server.ts",
  worker: "scripts/worker.ts",
  seed: "prisma/seed.ts",
  "oidc-rotate-keys": "scripts/oidc-rotate-keys.ts",
  "keys-rotate": "scripts/keys-rotate.ts",
  "db-app-role": "scripts/db-app-role.ts",
};

// lib/ marks its modules server-only (an import that throws outside React's server build). These bundles are
// the server, so the marker becomes an empty module.
const serverOnlyIsEmpty: Plugin = {
  name: "server-only-is-empty",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

export async function buildServer(): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: SERVER_ENTRY_POINTS,
    outdir: path.join(ROOT, "dist"),
    bundle: true,
    platform: "node",
    target: "node24",
    format: "esm",
    packages: "external",
    plugins: [serverOnlyIsEmpty],
    // Some packages still call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: "warning",
    sourcemap: "linked",
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildServer().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
