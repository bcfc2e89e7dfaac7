import cluster from "node:cluster";
import { availableParallelism } from "node:os";

// Portal processes: all state (sessions, codes, limits, jobs) is in PostgreSQL (and Redis when set), so
// processes share nothing but the listening socket, which node:cluster hands out. WEB_CONCURRENCY sets how
// many; 1 runs the portal in this process alone, as dev mode always does. The default leaves one core to
// PostgreSQL, the job worker and the proxy: on the 2-core box, where they share it, one portal process
// served every OTP scenario faster than two (docs/benchmark.md). A host of its own sets it to its cores.

export function workerCount(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === "") return Math.max(1, availableParallelism() - 1);
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${setting}".`);
  }
  return n;
}

/** A worker that dies sooner than this after its start is not restarted: the whole portal stops. */
const STARTUP_MS = 15_000;

/**
 * In the primary of a cluster: starts `count` workers (each runs this same entry point and serves), restarts
 * one that dies, and on SIGTERM or SIGINT passes the signal on (each drains as a single process would) and
 * exits when all have stopped. Never returns. Returns at once in a worker, or when `count` is 1.
 */
export async function superviseWorkers(count: number, log: (message: string) => void): Promise<void> {
  if (count <= 1 || !cluster.isPrimary) return;
  let stopping = false;
  const startedAt = new Map<number, number>();
  const fork = () => startedAt.set(cluster.fork().id, Date.now());
  for (let i = 0; i < count; i += 1) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    // A worker that cannot even start (a broken install, the database gone) would only fail again.
    if (Date.now() - (startedAt.get(worker.id) ?? 0) < STARTUP_MS) {
      log(`portal worker ${worker.process.pid} failed at start-up (${signal ?? code}); stopping`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    log(`portal worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
  log(`portal primary ${process.pid}: ${count} worker processes`);
  await new Promise<never>(() => undefined);
}
