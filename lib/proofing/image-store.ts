import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { decryptBytes, encryptBytes } from "@/lib/core/crypto";
import { env } from "@/lib/core/env";

/**
 * ID photos and selfies, AES-256-GCM encrypted with the data key (which is not in the database), one file
 * each under PROOFING_IMAGE_DIR. A file is written before its database row and deleted after it, so no
 * row ever points at a missing file; an orphan file left by a crash is unreadable without the key.
 */
function directory(): string {
  return resolve(env().PROOFING_IMAGE_DIR);
}

/** Stores the image and returns its key; throws when the disk refuses (full, read-only). */
export async function storeImage(bytes: Buffer): Promise<string> {
  const key = `${randomUUID()}.bin`;
  await mkdir(directory(), { recursive: true, mode: 0o700 });
  await writeFile(join(directory(), key), encryptBytes(bytes), { mode: 0o600, flag: "wx" });
  return key;
}

export async function readImage(key: string): Promise<Buffer> {
  return decryptBytes(await readFile(join(directory(), key)));
}

export async function deleteImage(key: string): Promise<void> {
  await rm(join(directory(), key), { force: true });
}
