import "server-only";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type ServerSideEncryption,
} from "@aws-sdk/client-s3";
import type { Env } from "@/lib/core/env";
import { ObjectNotFoundError, type ObjectStore } from "./objects";

/**
 * Objects under `prefix` in S3_BUCKET. Credentials come from S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY when set,
 * else from the SDK's usual chain (instance role, AWS_* variables). S3_ENDPOINT points at any S3-compatible
 * store (MinIO, Ceph, a loopback fake in tests).
 */
export function s3ObjectStore(e: Env, prefix: string): ObjectStore {
  const client = new S3Client({
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
    maxAttempts: 3,
  });
  const Bucket = e.S3_BUCKET!;
  const sse: ServerSideEncryption | undefined =
    e.S3_SERVER_SIDE_ENCRYPTION === "none" ? undefined : e.S3_SERVER_SIDE_ENCRYPTION;
  return {
    async put(key, bytes) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: prefix + key,
          Body: bytes,
          ContentType: "application/octet-stream",
          ServerSideEncryption: sse,
        }),
      );
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: prefix + key }));
        return Buffer.from(await object.Body!.transformToByteArray());
      } catch (error) {
        if (error instanceof NoSuchKey) throw new ObjectNotFoundError(key);
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: prefix + key }));
    },
    async ping() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}
