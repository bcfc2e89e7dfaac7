import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { handleApiV1, isApiV1Path } from "@/lib/api/v1";
import { CLIENT_IP_HEADER, clientIp } from "@/lib/core/client-ip";

/**
 * The partner sign-in API served as server.ts serves it, outside Next's router, for this test file. Every
 * request comes from 203.0.113.77, or with `trustedHops` from the address server.ts would take from
 * X-Forwarded-For behind that many proxies. Returns a getter for its base URL.
 */
export function withApiV1Server(options: { trustedHops?: number } = {}): () => string {
  let base = "";
  const server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] =
      options.trustedHops === undefined ? "203.0.113.77" : clientIp(req, options.trustedHops);
    if (isApiV1Path(req.url ?? "")) void handleApiV1(req, res);
    else res.writeHead(404).end();
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return () => base;
}

/** POSTs `body` (JSON, or a raw string as given) to the API. */
export function postTo(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
