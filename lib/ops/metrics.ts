// Prometheus metrics (GET /api/metrics with METRICS_TOKEN): requests by route, OTP sends by channel and result,
// the job queue and both database pools. The registry lives on globalThis: server.ts (which serves the endpoint
// and times requests) and Next's bundle (which sends codes) load separate copies of lib/.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

type Metrics = {
  registry: Registry;
  requests: Counter<"method" | "route" | "status">;
  duration: Histogram<"method" | "route">;
  otpSends: Counter<"channel" | "result">;
};

const KEY = Symbol.for("mag.metrics");

function metrics(): Metrics {
  const global = globalThis as unknown as Record<symbol, Metrics | undefined>;
  if (global[KEY]) return global[KEY];
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "mag_" });
  global[KEY] = {
    registry,
    requests: new Counter({
      name: "mag_http_requests_total",
      help: "HTTP requests answered, by method, route (ids masked) and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "mag_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method and route",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    otpSends: new Counter({
      name: "mag_otp_sends_total",
      help: "One-time codes asked for, by channel (SMS, VOICE) and result (sent, refused by a limit, failed delivery)",
      labelNames: ["channel", "result"],
      registers: [registry],
    }),
  };
  return global[KEY];
}

/** Counts and times one answered request. Unknown paths share one label, so scanners cannot grow the series. */
export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const m = metrics();
  const label = status === 404 ? "unmatched" : route;
  m.requests.inc({ method, route: label, status: String(status) });
  m.duration.observe({ method, route: label }, seconds);
}

export type OtpSendResult = "sent" | "refused" | "failed";

export function countOtpSend(channel: string, result: OtpSendResult): void {
  metrics().otpSends.inc({ channel, result });
}

export type PoolStats = { pool: string; total: number; idle: number; waiting: number };
export type QueueStats = { pending: number; overdue: number; failedLastDay: number };

/**
 * Gauges read when Prometheus scrapes: the job queue (shared by every instance, from the database) and this
 * process's pools. Registered once, by the process that serves the endpoint.
 */
export function registerScrapeGauges(sources: {
  queue: () => Promise<QueueStats>;
  pools: () => PoolStats[];
}) {
  const { registry } = metrics();
  if (registry.getSingleMetric("mag_jobs")) return;
  new Gauge({
    name: "mag_jobs",
    help: "Background jobs: pending, overdue (due over a minute ago and not running), failed in the last day",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const stats = await sources.queue();
      this.set({ state: "pending" }, stats.pending);
      this.set({ state: "overdue" }, stats.overdue);
      this.set({ state: "failed_last_day" }, stats.failedLastDay);
    },
  });
  new Gauge({
    name: "mag_db_pool_connections",
    help: "Database pool connections of this process, by pool (prisma, sql) and state (total, idle, waiting clients)",
    labelNames: ["pool", "state"],
    registers: [registry],
    collect() {
      for (const p of sources.pools()) {
        this.set({ pool: p.pool, state: "total" }, p.total);
        this.set({ pool: p.pool, state: "idle" }, p.idle);
        this.set({ pool: p.pool, state: "waiting" }, p.waiting);
      }
    },
  });
}

export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
