// The operations endpoints, answered by server.ts before Next.js: no session, no rate limit, no access-log line.
//   GET /api/health   200 while the process is up
//   GET /api/ready    200 when this instance can serve (lib/ops/health.ts); 503 otherwise and while draining
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkReadiness, shippedMigrations, type ReadinessProbe } from "./health";

export type OpsState = { draining: boolean };

const OPS_PATHS = new Set(["/api/health", "/api/ready"]);

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

/** Builds the handler; returns false for any other request (Next.js serves it). */
export function opsEndpoints(state: OpsState, probes: Record<string, ReadinessProbe> = {}) {
  const shipped = shippedMigrations();
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? "/").split("?", 1)[0]!;
    if (!OPS_PATHS.has(path)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      sendJson(res, 405, { error: "method not allowed" });
      return true;
    }
    if (path === "/api/health") {
      sendJson(res, 200, { status: "ok" });
      return true;
    }
    if (state.draining) {
      sendJson(res, 503, { status: "draining" });
      return true;
    }
    void checkReadiness(shipped, probes).then(
      (readiness) =>
        sendJson(res, readiness.ready ? 200 : 503, {
          status: readiness.ready ? "ready" : "not ready",
          checks: readiness.checks,
        }),
      () => sendJson(res, 503, { status: "not ready" }),
    );
    return true;
  };
}
