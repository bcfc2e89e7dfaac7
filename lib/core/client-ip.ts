import type { IncomingMessage } from "node:http";

/** Set by server.ts on every request, overwriting anything a client sent under the same name. */
export const CLIENT_IP_HEADER = "x-portal-client-ip";

/**
 * The caller's address: the socket peer, or with `trustedHops` proxies in front of us, the entry that
 * many hops back in X-Forwarded-For. Entries a client adds itself sit further left and are ignored.
 */
export function clientIp(req: Pick<IncomingMessage, "headers" | "socket">, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (trustedHops === 0) return peer;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedHops] ?? peer;
}
