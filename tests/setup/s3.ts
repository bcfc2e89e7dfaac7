// A loopback S3 (s3rver) for the object store tests: one bucket, files under a temporary directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/** `directory` holds what the fake keeps: what someone who got hold of the bucket would read. */
export type FakeS3 = { endpoint: string; bucket: string; directory: string; stop: () => Promise<void> };

/** Starts the fake in `directory` (a new temporary one by default), which it deletes when stopped. */
export async function startFakeS3(
  bucket = "mag-test",
  directory = mkdtempSync(path.join(tmpdir(), "s3rver-")),
): Promise<FakeS3> {
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    directory,
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The settings that point the portal at `s3` (static credentials: s3rver accepts S3RVER/S3RVER). */
export function s3Settings(s3: FakeS3) {
  return {
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  };
}
