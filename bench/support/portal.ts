/* eslint-disable no-restricted-properties -- a benchmark configures the portal it starts */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { waitFor } from "./http";

export function requireBuild() {
  if (!existsSync(".next/BUILD_ID") || !existsSync("dist/server.js"))
    throw new Error("Run `npm run build` first: the bench drives the production build.");
}

/** The production build's environment for a bench run on `port`: demo providers, rate limits and audit on. */
export function portalEnv(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    MAG_DEMO: "true",
    PORT: String(port),
    TRUST_PROXY_HOPS: "1",
    // As in production: an access-log line per request (to a file here, as a log shipper would read it).
    LOG_LEVEL: "info",
    LOG_FILE: `.data/bench/portal-${port}.log`,
    APP_URL: `http://127.0.0.1:${port}`,
    ...extra,
  };
}

export function start(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { env, stdio: ["ignore", "ignore", "inherit"] });
}

/** Starts `node dist/server.js` with `env` and waits for its sign-in page. */
export async function startPortal(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const portal = start("node", ["dist/server.js"], env);
  await waitFor(`${env.APP_URL}/sign-in`);
  return portal;
}

/** Resident memory (bytes) of `pid` and all its descendants, from /proc. */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  const visit = (p: number) => {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

/** Whether `pid` is still running. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
