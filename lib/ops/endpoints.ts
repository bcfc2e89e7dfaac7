// The operations endpoints, answered by server.ts before Next.js: no session, no rate limit, no access-log line.
//   GET /api/health   200 while the process is up
//   GET /api/ready    200 when this instance can serve (lib/ops/health.ts); 503 otherwise and while draining
//   GET /api/metrics  Prometheus text with `Authorization: Bearer $METRICS_TOKEN`; 404 when no token is set
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/core/env";
import { isObjectStoreShared, objectStore } from "@/lib/storage/object-store";
import { checkReadiness, shippedMigrations, type ReadinessProbe } from "./health";
import { registerScrapeGauges, renderMetrics } from "./metrics";
import { poolStats, queueStats } from "./repository";

export type OpsState = { draining: boolean };
export type OpsOptions = { metricsToken?: string; probes?: Record<string, ReadinessProbe> };

/** The shared object store, when one is configured, must answer for an instance to be ready. */
export function configuredProbes(): Record<string, ReadinessProbe> {
  if (!isObjectStoreShared()) return {};
  return {
    objectStore: () =>
      objectStore("proofing-images", env().PROOFING_IMAGE_DIR)
        .ping()
        .then(() => ({ ok: true })),
  };
}

const OPS_PATHS = new Set(["/api/health", "/api/ready", "/api/metrics"]);

function send(res: ServerResponse, status: number, body: unknown, contentType = "application/json") {
  res.writeHead(status, { "Content-Type": contentType, "Cache-Control": "no-store" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

function hasBearer(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? "");
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Builds the handler; returns false for any other request (Next.js serves it). */
export function opsEndpoints(state: OpsState, options: OpsOptions = {}) {
  const shipped = shippedMigrations();
  if (options.metricsToken) registerScrapeGauges({ queue: () => queueStats(), pools: poolStats });

  const ready = async (res: ServerResponse) => {
    if (state.draining) return send(res, 503, { status: "draining" });
    const readiness = await checkReadiness(shipped, options.probes);
    send(res, readiness.ready ? 200 : 503, {
      status: readiness.ready ? "ready" : "not ready",
      checks: readiness.checks,
    });
  };

  const metrics = async (req: IncomingMessage, res: ServerResponse) => {
    const token = options.metricsToken;
    if (!token) return send(res, 404, { error: "not found" });
    if (!hasBearer(req, token)) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      return send(res, 401, { error: "a bearer token is required" });
    }
    const { contentType, body } = await renderMetrics();
    send(res, 200, body, contentType);
  };

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? "/").split("?", 1)[0]!;
    if (!OPS_PATHS.has(path)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      send(res, 405, { error: "method not allowed" });
    } else if (path === "/api/health") send(res, 200, { status: "ok" });
    else {
      const answer = path === "/api/ready" ? ready(res) : metrics(req, res);
      answer.catch(() => send(res, 503, { status: "unavailable" }));
    }
    return true;
  };
}
