import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestInfo } from "@/lib/core/caller";
import { CLIENT_IP_HEADER } from "@/lib/core/client-ip";
import { API_SECURITY_HEADERS, STATIC_SECURITY_HEADERS } from "@/lib/web/security-headers";
import type { JsonAnswer } from "@/lib/web/http";

// Node's request and response for the handlers server.ts serves outside Next's router (lib/api/v1.ts): the
// body read with a cap, the caller's address as server.ts set it, and JSON written with the same headers
// next.config.ts gives every route handler.

const HEADERS: Record<string, string> = Object.fromEntries(
  [
    ...STATIC_SECURITY_HEADERS,
    ...API_SECURITY_HEADERS,
    { key: "Cache-Control", value: "no-store, no-transform" },
  ].map((h) => [h.key, h.value]),
);

/**
 * The body as text, or null as soon as it passes `limit` bytes: the rest is discarded unread, and the answer
 * should close the connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.resume();
      resolve(null);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Who is calling: the address server.ts resolved from the socket (or a trusted proxy) and the user agent. */
export function requestInfoOf(req: IncomingMessage): RequestInfo {
  const ip = req.headers[CLIENT_IP_HEADER];
  return { ip: typeof ip === "string" ? ip : null, userAgent: req.headers["user-agent"] ?? null };
}

export function writeJson(res: ServerResponse, answer: JsonAnswer, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...HEADERS,
    ...answer.headers,
    ...extra,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}
