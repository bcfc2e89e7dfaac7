// Starts a process of the production build (dist/) for the tests that need more than the e2e portal: the
// scale-out test's portals and workers, a portal without its database, the portal on a restored backup.
import { spawn, type ChildProcess } from "node:child_process";

/**
 * `node dist/<entry>.js` in production mode with the local stand-ins (demo mode) and no job runner of its own,
 * on this process's settings (database, keys, bucket) overridden by `env`. Detached: stop it with stopGroup.
 */
export function startBuiltProcess(entry: "server" | "worker", env: Record<string, string>): ChildProcess {
  return spawn("node", [`dist/${entry}.js`], {
    detached: true,
    stdio: "ignore",
    env: {
      // eslint-disable-next-line no-restricted-properties -- the harness's own settings, passed on
      ...process.env,
      NODE_OPTIONS: "",
      NODE_ENV: "production",
      MAG_DEMO: "true",
      JOBS_IN_PORTAL: "false",
      ...env,
    },
  });
}
