// What the server knows about the request being served: its id (on every log line and in X-Request-Id) and
// whether the database was found unreachable while serving it (answered 503). server.ts runs each request in
// this AsyncLocalStorage; the custom server and Next's bundle load separate copies of lib/, so the storage
// lives on globalThis, which both share.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { requestId: string; outage: boolean };

const KEY = Symbol.for("mag.requestContext");

function storage(): AsyncLocalStorage<RequestContext> {
  const global = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
  global[KEY] ??= new AsyncLocalStorage<RequestContext>();
  return global[KEY];
}

/** Runs `fn` as the request `context` (server.ts, once per HTTP request). */
export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return storage().run(context, fn);
}

/** The request being served, if any (none in jobs and scripts). */
export function currentRequest(): RequestContext | undefined {
  return storage().getStore();
}
