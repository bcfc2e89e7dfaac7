// The portal's HTTP entry point (dev and production): Next.js behind a plain Node server, so that the
// client IP used for rate limits comes from the socket, not from a header the client can forge, and so that
// health probes, request ids, access logs and a graceful shutdown sit in front of every request.
// `npm run build` bundles it into dist/server.js, which a production install runs with node alone.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import next from "next";
import { CLIENT_IP_HEADER, clientIp } from "./lib/core/client-ip";
import { hadRecentDatabaseOutage, OUTAGE_RETRY_AFTER_SECONDS } from "./lib/core/db-outage";
import { env } from "./lib/core/env";
import { runInRequest, type RequestContext } from "./lib/core/request-context";
import { runShutdown } from "./lib/core/shutdown";
import { superviseWorkers, workerCount } from "./lib/ops/cluster";

/* eslint-disable no-restricted-properties -- the entry point runs before the app's env module */
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const trustedHops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
const processes = dev ? 1 : workerCount(process.env.WEB_CONCURRENCY);
/* eslint-enable no-restricted-properties */
/** In-flight requests get this long to finish after SIGTERM. */
const DRAIN_MS = 30_000;

// The OpenID Connect provider runs in this process beside Next.js. lib/ marks its modules server-only (an
// import that throws outside React's server build); this process is the server, so that marker is a no-op.
const require = createRequire(import.meta.url);
const serverOnly = require.resolve("server-only");
require.cache[serverOnly] = {
  id: serverOnly,
  filename: serverOnly,
  loaded: true,
  exports: {},
} as NodeJS.Module;

// Production never lets a local stand-in (outbox, test card processor, identity checks), a generated secret or
// a demo account serve real users.
const { assertSafeProduction } = await import("./lib/ops/production-checks");
try {
  await assertSafeProduction(env());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// One process per core in production (lib/ops/cluster.ts): the primary only supervises the workers.
await superviseWorkers(processes, (message) => console.log(message));

const { handleProviderRequest, isProviderPath } = await import("./lib/oidc/host");
const { handleApiV1, isApiV1Path } = await import("./lib/api/v1");
const { beginRequest } = await import("./lib/ops/request-log");
const { configuredProbes, opsEndpoints } = await import("./lib/ops/endpoints");
const { observeRequest } = await import("./lib/ops/metrics");
const { logger } = await import("./lib/core/logger");

if (!dev) applyBuildConfig();
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const state = { draining: false };
const answerOps = opsEndpoints(state, { metricsToken: env().METRICS_TOKEN, probes: configuredProbes() });

const server = createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientIp(req, trustedHops);
  if (answerOps(req, res)) return;
  const context = beginRequest(req, res, trustedHops > 0, observeRequest);
  if (state.draining) res.setHeader("Connection", "close");
  answerOutagesWith503(res, context);
  runInRequest(context, () => {
    const url = req.url ?? "";
    // The partner API and the OpenID Connect provider are served outside Next's router (its per-request cost).
    if (isApiV1Path(url)) void handleApiV1(req, res);
    else if (isProviderPath(url)) void handleProviderRequest(req, res);
    else void handle(req, res);
  });
});
server.listen(port, hostname, () => {
  console.log(`Portal ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

/**
 * The configuration `next build` resolved (as Next's standalone server does), so a production install needs
 * neither next.config.ts nor TypeScript to load it.
 */
function applyBuildConfig() {
  const file = path.join(process.cwd(), ".next", "required-server-files.json");
  if (!existsSync(file)) return;
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: unknown };
  // eslint-disable-next-line no-restricted-properties -- Next's own switch for a prebuilt configuration
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

/**
 * A page that failed because the database could not be reached (noted by lib/core/db-outage.ts) is answered
 * 503 with Retry-After instead of 500: clients and load balancers retry, and nobody is signed out.
 */
function answerOutagesWith503(res: ServerResponse, request: RequestContext) {
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = (status: number, ...rest: unknown[]) => {
    // This request's own mark; the last 2 s as a fallback for work that ran outside its scope.
    if (status < 500 || !(request.outage || hadRecentDatabaseOutage())) return writeHead(status, ...rest);
    res.setHeader("Retry-After", String(OUTAGE_RETRY_AFTER_SECONDS));
    const [message, ...headers] = rest;
    return typeof message === "string"
      ? writeHead(503, "Service Unavailable", ...headers)
      : writeHead(503, ...rest);
  };
}

/**
 * SIGTERM (a deploy, a scale-down): readiness turns 503 at once while the portal still serves, so the load
 * balancer takes it out of rotation (SHUTDOWN_GRACE_MS); then no new connection is accepted, requests in
 * flight get DRAIN_MS to finish, the job runner drains and the pools close.
 */
async function shutdown(signal: string) {
  if (state.draining) return;
  state.draining = true;
  logger().info({ signal }, "shutting down: out of rotation, then draining requests");
  await new Promise((resolve) => setTimeout(resolve, env().SHUTDOWN_GRACE_MS));
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections close as soon as their request is answered.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await closed;
  clearInterval(sweep);
  clearTimeout(timer);
  await runShutdown((name, error) =>
    logger().error({ err: (error as Error).message, name }, "shutdown step failed"),
  );
  logger().info("stopped");
  logger().flush?.();
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));
