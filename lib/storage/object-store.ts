import "server-only";
import { env } from "@/lib/core/env";
import { diskObjectStore } from "./disk-object-store";
import type { ObjectStore } from "./objects";
import { s3ObjectStore } from "./s3-object-store";

/**
 * Where files too large or too sensitive for a database row live (proofing photos, audit archives): an
 * S3-compatible bucket when S3_BUCKET is set, which every portal instance shares, else a local directory
 * (one machine only). Callers encrypt what they store; S3 adds server-side encryption on top.
 */
const stores = new Map<string, ObjectStore>();

/** The store for one kind of file: the bucket under `namespace/`, or the directory `localDir`. */
export function objectStore(namespace: string, localDir: string): ObjectStore {
  let store = stores.get(namespace);
  if (!store) {
    const e = env();
    store = e.S3_BUCKET ? s3ObjectStore(e, `${namespace}/`) : diskObjectStore(localDir);
    stores.set(namespace, store);
  }
  return store;
}

/** Whether files go to a shared bucket (several instances possible) rather than this machine's disk. */
export function isObjectStoreShared(): boolean {
  return Boolean(env().S3_BUCKET);
}
