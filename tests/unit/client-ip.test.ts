import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/core/client-ip";

const PEER = "198.51.100.7";

function request(forwardedFor?: string, peer: string | null = PEER) {
  const headers = forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor };
  return { headers, socket: { remoteAddress: peer ?? undefined } } as unknown as Pick<
    IncomingMessage,
    "headers" | "socket"
  >;
}

describe("clientIp without a trusted proxy", () => {
  it("uses the socket peer and ignores X-Forwarded-For entirely", () => {
    expect(clientIp(request(), 0)).toBe(PEER);
    expect(clientIp(request("203.0.113.1"), 0)).toBe(PEER);
    expect(clientIp(request("203.0.113.1, 10.0.0.1"), 0)).toBe(PEER);
  });

  it("gives an attacker rotating X-Forwarded-For the same address every time", () => {
    const seen = new Set(Array.from({ length: 25 }, (_, i) => clientIp(request(`10.9.${i}.1`), 0)));
    expect([...seen]).toEqual([PEER]);
  });

  it("says unknown when the socket has no address", () => {
    expect(clientIp(request(undefined, null), 0)).toBe("unknown");
  });
});

describe("clientIp behind trusted proxies", () => {
  it("with one hop takes the last entry, the one our proxy appended", () => {
    expect(clientIp(request("203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(request("10.0.0.1,  203.0.113.9 "), 1)).toBe("203.0.113.9");
  });

  it("ignores entries a client prepended itself", () => {
    const spoofed = ["1.1.1.1, 203.0.113.9", "8.8.8.8, 9.9.9.9, 203.0.113.9", "garbage, , 203.0.113.9"];
    for (const xff of spoofed) expect(clientIp(request(xff), 1)).toBe("203.0.113.9");
  });

  it("with two hops takes the entry two from the end", () => {
    expect(clientIp(request("1.1.1.1, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("falls back to the socket peer when the proxy sent no header", () => {
    expect(clientIp(request(), 1)).toBe(PEER);
    expect(clientIp(request(""), 1)).toBe(PEER);
  });
});
