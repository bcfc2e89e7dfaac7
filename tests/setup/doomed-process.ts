import { spawn } from "node:child_process";

export type ChildExit = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
};

/** Killed by SIGKILL: tsx runs the script in a child and reports that child's death as exit code 137. */
export const isKilled = (exit: ChildExit) => exit.signal === "SIGKILL" || exit.code === 137;

/**
 * Runs `script` (a tests/fakes child, same database and secrets as this worker) with `input` on stdin; it
 * kills itself at the failpoint `crashAt` ("" runs it through). About 3 s per child on these machines.
 */
export function runDoomedChild(script: string, crashAt: string, input: unknown): Promise<ChildExit> {
  const child = spawn(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "--tsconfig", "tsconfig.json", script],
    // eslint-disable-next-line no-restricted-properties -- the child inherits this worker's configuration
    { env: { ...process.env, CRASH_AT: crashAt, LOG_LEVEL: "silent" }, stdio: ["pipe", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(JSON.stringify(input));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
