import { defineConfig, devices } from "@playwright/test";

import { BASE_URL, CHROMIUM_PATH, E2E_LOG_FILE, E2E_PORT } from "./tests/e2e/settings";

/* eslint-disable no-restricted-properties -- the test runner's own configuration */

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "tests/e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 2,
  // A failing test runs once more, recording a trace (recording every test costs a sixth of the run); a test
  // that passes on that second run still fails the suite, so a retry never hides a flaky test.
  retries: 1,
  failOnFlakyTests: true,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The scale-out test starts two more portals and a worker: on two cores that would slow the tests beside it
  // past their timeouts, so it runs after the others, alone.
  projects: [
    { name: "portal", testIgnore: /scale-out\.spec\.ts/ },
    { name: "scale-out", testMatch: /scale-out\.spec\.ts/, dependencies: ["portal"] },
  ],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: BASE_URL,
    trace: "on-first-retry",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // The production bundle, as `npm start` runs it.
    command: "node dist/server.js",
    url: `${BASE_URL}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...(process.env as Record<string, string>),
      NODE_ENV: "production",
      // The production build with the local stand-ins (outbox, test cards, identity checks): demo mode.
      MAG_DEMO: "true",
      // The test runner's React server condition (scripts/test-e2e.ts) is not for Next's own server.
      NODE_OPTIONS: "",
      PORT: String(E2E_PORT),
      APP_URL: BASE_URL,
      // One process: the production install test runs the default, one per core (lib/ops/cluster.ts).
      WEB_CONCURRENCY: "1",
      // Each test gets its own client address through X-Forwarded-For, as behind a load balancer,
      // so per-IP limits hit in one test do not leak into the next.
      TRUST_PROXY_HOPS: "1",
      // Info-level logs in a file, which the global teardown searches for PII.
      LOG_LEVEL: "info",
      LOG_FILE: E2E_LOG_FILE,
    },
  },
});
