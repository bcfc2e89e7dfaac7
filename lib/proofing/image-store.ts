import "server-only";
import { randomUUID } from "node:crypto";
import { decryptBytes, encryptBytes } from "@/lib/core/crypto";
import { env } from "@/lib/core/env";
import { objectStore } from "@/lib/storage/object-store";

/**
 * ID photos and selfies, AES-256-GCM encrypted with the data key (which is not in the database) before they
 * leave the process: in the S3 bucket when one is configured, else under PROOFING_IMAGE_DIR. An image is
 * stored before its database row and deleted after it, so no row ever points at a missing image; an orphan
 * left by a crash is unreadable without the key.
 */
const store = () => objectStore("proofing-images", env().PROOFING_IMAGE_DIR);

/** Stores the image and returns its key; throws when the store refuses (disk full, bucket unreachable). */
export async function storeImage(bytes: Buffer): Promise<string> {
  const key = `${randomUUID()}.bin`;
  await store().put(key, encryptBytes(bytes));
  return key;
}

export async function readImage(key: string): Promise<Buffer> {
  return decryptBytes(await store().get(key));
}

export async function deleteImage(key: string): Promise<void> {
  await store().delete(key);
}
