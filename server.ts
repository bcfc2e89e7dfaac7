// The portal's HTTP entry point (dev and production): Next.js behind a plain Node server, so that the
// client IP used for rate limits comes from the socket, not from a header the client can forge.
import { createServer, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import next from "next";
import { CLIENT_IP_HEADER, clientIp } from "./lib/core/client-ip";
import { AsyncLocalStorage } from "node:async_hooks";
import {
  hadRecentDatabaseOutage,
  OUTAGE_RETRY_AFTER_SECONDS,
  OUTAGE_SCOPE,
  type OutageMark,
} from "./lib/core/db-outage";
import { assertNoStandInsInProduction } from "./lib/core/env";

/* eslint-disable no-restricted-properties -- the entry point runs before the app's env module */
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const trustedHops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
/* eslint-enable no-restricted-properties */

// Production never lets a local stand-in (outbox, test card processor, identity checks) serve real users.
try {
  assertNoStandInsInProduction();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

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
const { handleProviderRequest, isProviderPath } = await import("./lib/oidc/host");

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();

await app.prepare();
// Each request runs in its own outage scope: a database outage noted while serving it marks that request.
const outageScope = new AsyncLocalStorage<OutageMark>();
(globalThis as unknown as Record<symbol, unknown>)[OUTAGE_SCOPE] = outageScope;

const server = createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientIp(req, trustedHops);
  const mark: OutageMark = { outage: false };
  answerOutagesWith503(res, mark);
  outageScope.run(mark, () => {
    if (isProviderPath(req.url ?? "")) void handleProviderRequest(req, res);
    else void handle(req, res);
  });
});
server.listen(port, hostname, () => {
  console.log(`Portal ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

/**
 * A page that failed because the database could not be reached (noted by lib/core/db-outage.ts) is answered
 * 503 with Retry-After instead of 500: clients and load balancers retry, and nobody is signed out.
 */
function answerOutagesWith503(res: ServerResponse, mark: OutageMark) {
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = (status: number, ...rest: unknown[]) => {
    // This request's own mark; the last 2 s as a fallback for work that ran outside its scope.
    if (status < 500 || !(mark.outage || hadRecentDatabaseOutage())) return writeHead(status, ...rest);
    res.setHeader("Retry-After", String(OUTAGE_RETRY_AFTER_SECONDS));
    const [message, ...headers] = rest;
    return typeof message === "string"
      ? writeHead(503, "Service Unavailable", ...headers)
      : writeHead(503, ...rest);
  };
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
