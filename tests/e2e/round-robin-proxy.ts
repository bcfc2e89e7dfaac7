// A small load balancer on loopback for the scale-out test: each request goes to the next portal in turn
// (or where `pick` says), skipping portals whose /api/ready fails (checked every 100 ms); a request that could
// not reach a portal is retried on the next one, as a production load balancer does during a deploy.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** `at`: when the answer came (ms since the epoch). */
export type Served = { method: string; path: string; backend: number; status: number; at: number };
export type Proxy = {
  url: string;
  /** Every answered request and the portal that answered it. */
  served: Served[];
  /** Chooses the portal for a request; round-robin when unset. */
  pick?: (req: IncomingMessage) => number | undefined;
  close: () => Promise<void>;
};

/** The portal was never reached: safe to retry any request elsewhere. */
const NOT_REACHED = new Set(["ECONNREFUSED"]);
/** The connection broke before an answer: retried only for requests that change nothing. */
const BROKEN = new Set(["ECONNRESET", "EPIPE"]);

export async function startProxy(ports: number[]): Promise<Proxy> {
  let next = 0;
  const proxy: Proxy = { url: "", served: [], close: () => Promise.resolve() };
  const healthy = ports.map(() => true);
  const checks = setInterval(() => {
    ports.forEach((port, i) => {
      fetch(`http://127.0.0.1:${port}/api/ready`, { signal: AbortSignal.timeout(1_000) }).then(
        (r) => (healthy[i] = r.ok),
        () => (healthy[i] = false),
      );
    });
  }, 100);
  const roundRobin = () => {
    for (let tries = 0; tries < ports.length; tries++) {
      const candidate = next++ % ports.length;
      if (healthy[candidate]) return candidate;
    }
    return next++ % ports.length;
  };

  const forward = (req: IncomingMessage, body: Buffer, backend: number) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const headers = { ...req.headers };
      // As a load balancer: the client's address, unless an earlier hop (the tests' clients) already set it.
      headers["x-forwarded-for"] ??= req.socket.remoteAddress ?? "127.0.0.1";
      const upstream = httpRequest(
        { host: "127.0.0.1", port: ports[backend], method: req.method, path: req.url, headers, agent: false },
        resolve,
      );
      upstream.once("error", reject);
      upstream.end(body);
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const first = proxy.pick?.(req) ?? roundRobin();
        for (let attempt = 0; attempt < ports.length; attempt++) {
          const backend = (first + attempt) % ports.length;
          try {
            const answer = await forward(req, body, backend);
            proxy.served.push({
              method: req.method!,
              path: req.url!,
              backend,
              status: answer.statusCode!,
              at: Date.now(),
            });
            res.writeHead(answer.statusCode!, answer.headers);
            answer.pipe(res);
            return;
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code ?? "";
            const safe = req.method === "GET" || req.method === "HEAD";
            if (!NOT_REACHED.has(code) && !(safe && BROKEN.has(code))) break;
          }
        }
        res.writeHead(502).end("no portal answered");
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      clearInterval(checks);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
