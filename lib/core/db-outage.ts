// Whether an error means the database cannot be reached (down, restarting, refusing connections, or the pool
// timed out waiting for one), as opposed to a bug or a refused statement. Such errors answer 503 with
// Retry-After, and never end anyone's session. Pure: walks the error and its causes.

import { currentRequest } from "./request-context";

/** PostgreSQL SQLSTATEs of an unreachable or overloaded server; node and Prisma connection codes. */
const OUTAGE_CODES = new Set([
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
  "53300", // too_many_connections
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08006", // connection_failure
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "P1001", // Prisma: can't reach database server
  "P1002", // Prisma: database server timed out
  "P1017", // Prisma: server closed the connection
  "P2024", // Prisma: timed out fetching a connection from the pool
]);

const OUTAGE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database server/i,
  /connect ECONNREFUSED/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
];

/** Seconds a client should wait before trying again during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

export function isDatabaseOutage(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && OUTAGE_CODES.has(code)) return true;
  if (typeof message === "string" && OUTAGE_MESSAGES.some((m) => m.test(message))) return true;
  return isDatabaseOutage(cause, depth + 1);
}

// The custom server (server.ts) and Next's bundle load separate copies of lib/: the time of the last outage is
// kept on globalThis, which both share, so the server can answer 503 for a failed page.
const LAST_OUTAGE = Symbol.for("mag.databaseOutageAt");

/** Remembers that the database was unreachable just now, when `error` says so; returns whether it did. */
export function noteDatabaseOutage(error: unknown, now = Date.now()): boolean {
  if (!isDatabaseOutage(error)) return false;
  (globalThis as unknown as Record<symbol, unknown>)[LAST_OUTAGE] = now;
  const request = currentRequest();
  if (request) request.outage = true;
  return true;
}

/** Whether an outage error was seen in the last `windowMs` (a failed page is then answered 503). */
export function hadRecentDatabaseOutage(now = Date.now(), windowMs = 2_000): boolean {
  const at = (globalThis as Record<symbol, number | undefined>)[LAST_OUTAGE];
  return at !== undefined && now - at <= windowMs;
}
