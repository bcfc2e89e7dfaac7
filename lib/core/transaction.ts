import "server-only";
import { db, type Tx } from "./db";

export type { Tx };

/** Runs `fn` in one database transaction; services pass `tx` on to repositories. */
export function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(fn);
}
