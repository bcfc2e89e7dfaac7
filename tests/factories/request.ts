import type { RequestInfo } from "@/lib/core/caller";

/** What the portal knows about a caller: an address (documentation range) and a browser. */
export function fromIp(ip = "203.0.113.10", userAgent = "Mozilla/5.0 (integration test)"): RequestInfo {
  return { ip, userAgent };
}
