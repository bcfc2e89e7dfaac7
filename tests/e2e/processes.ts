import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A port nothing listens on now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Stops a process started with `detached: true` and everything it started (npx → tsx → node). */
export function stopGroup(child: ChildProcess | undefined): void {
  if (child?.pid) process.kill(-child.pid, "SIGKILL");
}
