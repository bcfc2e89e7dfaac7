import "server-only";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ObjectNotFoundError, type ObjectStore } from "./objects";

/** One file per object in `dir` (created 0700, files 0600): for a single instance and the demo. */
export function diskObjectStore(dir: string): ObjectStore {
  const root = resolve(dir);
  const fileOf = (key: string) => {
    if (!/^[A-Za-z0-9._-]+$/.test(key)) throw new Error(`invalid object key ${key}`);
    return join(root, key);
  };
  return {
    async put(key, bytes) {
      await mkdir(root, { recursive: true, mode: 0o700 });
      await writeFile(fileOf(key), bytes, { mode: 0o600, flag: "wx" });
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new ObjectNotFoundError(key);
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async ping() {
      await mkdir(root, { recursive: true, mode: 0o700 });
    },
  };
}
