import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@": fileURLToPath(new URL(".", import.meta.url)),
  // `server-only` throws outside React server bundles; in tests our server modules run in plain Node.
  "server-only": fileURLToPath(new URL("./tests/setup/server-only.ts", import.meta.url)),
};

// scripts/test-db.ts makes one database per worker; without it (a bare `vitest`), one worker.
// eslint-disable-next-line no-restricted-properties -- the test runner's own configuration
const workers = Number(process.env.TEST_DB_CLONES ?? 1);

export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers: workers,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", environment: "node", include: ["tests/unit/**/*.test.ts"] },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/setup/integration.ts"],
          // Files run in parallel, each worker on its own copy of the database (tests/setup/integration.ts).
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
