import "server-only";
import { headers } from "next/headers";
import type { RequestInfo } from "@/lib/core/caller";
import { CLIENT_IP_HEADER } from "@/lib/core/client-ip";

/**
 * Who is calling: the client IP set by our server entry point (never taken from a client-sent header
 * unless TRUST_PROXY_HOPS says a proxy put it there) and the user agent.
 */
export async function requestInfo(): Promise<RequestInfo> {
  const h = await headers();
  return { ip: h.get(CLIENT_IP_HEADER), userAgent: h.get("user-agent") };
}
