import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/core/env";
import { ObjectNotFoundError } from "@/lib/storage/objects";
import { s3ObjectStore } from "@/lib/storage/s3-object-store";
import { s3Settings, startFakeS3, type FakeS3 } from "../setup/s3";

let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await s3?.stop();
});

/** The settings a portal gets, parsed as it parses them. */
function configuredFor(bucket: string) {
  return { ...env(), ...s3Settings(s3), S3_BUCKET: bucket, S3_FORCE_PATH_STYLE: true };
}

/** Every file the fake S3 keeps, as bytes. */
function rawObjects(): Buffer[] {
  const files: Buffer[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(readFileSync(full));
    }
  };
  walk(s3.directory);
  return files;
}

describe("the S3 object store", () => {
  it("stores, reads and deletes under its prefix; a missing key is ObjectNotFoundError", async () => {
    const store = s3ObjectStore(configuredFor(s3.bucket), "proofing-images/");
    await store.ping();
    await store.put("a.bin", Buffer.from("bytes one"));
    expect((await store.get("a.bin")).toString()).toBe("bytes one");
    await store.delete("a.bin");
    await store.delete("a.bin");
    await expect(store.get("a.bin")).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it("a bucket that does not exist fails the readiness ping", async () => {
    await expect(s3ObjectStore(configuredFor("no-such-bucket"), "x/").ping()).rejects.toThrow();
  });

  it("proofing photos go to the bucket encrypted: the stored object never holds the photo's bytes", async () => {
    for (const [name, value] of Object.entries(s3Settings(s3))) vi.stubEnv(name, value);
    vi.resetModules();
    const { storeImage, readImage, deleteImage } = await import("@/lib/proofing/image-store");
    const photo = Buffer.from(`JPEG-PHOTO-OF-A-DRIVER-LICENSE-${"x".repeat(200)}`);
    const key = await storeImage(photo);
    const inBucket = await s3ObjectStore(configuredFor(s3.bucket), "proofing-images/").get(key);
    expect(inBucket.length).toBeGreaterThan(photo.length);
    expect(inBucket.includes("DRIVER-LICENSE")).toBe(false);
    for (const bytes of rawObjects()) expect(bytes.includes("DRIVER-LICENSE")).toBe(false);
    expect(await readImage(key)).toEqual(photo);
    await deleteImage(key);
    await expect(readImage(key)).rejects.toBeInstanceOf(Error);
  });
});
