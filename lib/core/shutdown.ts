// What a process must do before it exits on SIGTERM: first stop taking work (the job runner drains), then close
// its connections (both database pools, Redis). Modules register here as they open things; server.ts and the
// worker run it once. Kept on globalThis: the custom server and Next's bundle load separate copies of lib/.
export type ShutdownPhase = "work" | "connections";
type Hook = { phase: ShutdownPhase; name: string; run: () => unknown };

const KEY = Symbol.for("mag.shutdownHooks");

function hooks(): Hook[] {
  const global = globalThis as unknown as Record<symbol, Hook[] | undefined>;
  global[KEY] ??= [];
  return global[KEY];
}

/** Runs `run` at shutdown, in its phase: every "work" hook finishes before any "connections" hook starts. */
export function onShutdown(phase: ShutdownPhase, name: string, run: Hook["run"]): void {
  hooks().push({ phase, name, run });
}

/** Longest a hook may take: a pool waiting on a connection stuck in a query must not keep the process alive. */
const HOOK_TIMEOUT_MS = 10_000;

/** Runs every hook once, phase by phase; a failing or hanging hook is reported and does not stop the others. */
export async function runShutdown(report: (name: string, error: unknown) => void): Promise<void> {
  const registered = hooks().splice(0);
  for (const phase of ["work", "connections"] as const) {
    await Promise.all(
      registered
        .filter((hook) => hook.phase === phase)
        .map(async (hook) => {
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`timed out after ${HOOK_TIMEOUT_MS} ms`)),
              HOOK_TIMEOUT_MS,
            );
          });
          try {
            await Promise.race([Promise.resolve(hook.run()), timeout]);
          } catch (error) {
            report(hook.name, error);
          } finally {
            clearTimeout(timer);
          }
        }),
    );
  }
}
