// One access-log line per request (method, route, status, duration) under the request's id, which is also sent
// back as X-Request-Id. Routes are paths with ids and tokens masked and no query string, so a log line never
// carries a secret from a URL.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/core/logger";
import type { RequestContext } from "@/lib/core/request-context";

/** Probes and static files: answered often and of no interest one by one. */
const QUIET = [/^\/api\/(health|ready|metrics)$/, /^\/_next\/static\//, /^\/favicon\.ico$/];

/** A segment that names one thing (a number, an id, a token, a key): masked in routes. */
const ID_SEGMENT = /^(?=.*\d)[A-Za-z0-9_-]{6,}$|^[A-Za-z0-9_-]{20,}$|^[0-9a-f-]{32,36}$/;

/** The request's path with ids and tokens replaced by `:id`, without the query string. */
export function routeOf(url: string): string {
  const pathname = url.split(/[?#]/, 1)[0] ?? "/";
  if (pathname.startsWith("/_next/static/")) return "/_next/static";
  return pathname
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
}

/** An id a trusted load balancer already gave the request; anything else is not ours to log. */
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type RequestObserver = (route: string, method: string, status: number, seconds: number) => void;

/**
 * Starts a request: picks its id (the load balancer's when trusted), answers it in X-Request-Id, and logs the
 * access line (and tells `observe`, for metrics) when the response is done.
 */
export function beginRequest(
  req: IncomingMessage,
  res: ServerResponse,
  trustForwardedId: boolean,
  observe?: RequestObserver,
): RequestContext {
  const forwarded = req.headers["x-request-id"];
  const requestId =
    trustForwardedId && typeof forwarded === "string" && FORWARDED_ID.test(forwarded)
      ? forwarded
      : randomUUID();
  res.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  const url = req.url ?? "/";
  res.once("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeOf(url);
    observe?.(route, req.method ?? "GET", res.statusCode, seconds);
    if (QUIET.some((quiet) => quiet.test(url.split("?", 1)[0]!))) return;
    logger().info(
      { requestId, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) },
      "request",
    );
  });
  return { requestId, outage: false };
}
