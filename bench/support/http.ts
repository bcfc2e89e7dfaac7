// HTTP helpers shared by the benchmarks: each request from its own client address (X-Forwarded-For, as behind
// a load balancer with TRUST_PROXY_HOPS=1), so per-address limits count as they would for real users.

let ipCounter = 0;
export const nextIp = () => {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

export type Reply = { status: number; json: Record<string, unknown>; cookies: string[] };

/** POSTs `body` as JSON to base + path; a body that is not JSON reads as {}. */
export async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": nextIp(), ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, json, cookies: res.headers.getSetCookie() } satisfies Reply;
}

/** Waits until `url` answers below 500 (up to a minute). */
export async function waitFor(url: string) {
  for (let i = 0; i < 120; i += 1) {
    if (
      await fetch(url)
        .then((r) => r.status < 500)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}
