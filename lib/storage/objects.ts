/** A place that keeps bytes under keys (lib/storage/object-store.ts picks one). */
export type ObjectStore = {
  /** Stores bytes under a new `key` (callers make random keys; the disk store also refuses an existing one). */
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** Deletes `key`; a key already gone is not an error. */
  delete(key: string): Promise<void>;
  /** Throws when the store cannot be reached (readiness). */
  ping(): Promise<void>;
};

export class ObjectNotFoundError extends Error {
  constructor(key: string) {
    super(`no stored object ${key}`);
    this.name = "ObjectNotFoundError";
  }
}
