// Failpoints for the kill -9 tests: a child process installs its own Prisma client, with a query extension
// that dies at the chosen point, before the portal's modules create theirs. Nothing here is production code.
/* eslint-disable no-restricted-properties -- a test child reads its own instructions */
import { writeSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export const crashAt = process.env.CRASH_AT ?? "";

/** Dies as `kill -9` would: no finally blocks, no rollback from this side, no reply. */
export function die(): Promise<never> {
  writeSync(2, `failpoint ${crashAt}\n`);
  process.kill(process.pid, "SIGKILL");
  return new Promise<never>(() => {});
}

/** A client for the child's own failpoint extension. */
export function baseClient() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 3 }) });
}

/** Makes `client` the one lib/core/db.ts uses: it keeps its client on globalThis and creates one only if none is there. */
export function installClient(client: unknown) {
  (globalThis as { prisma?: unknown }).prisma = client;
}

/** The child's instructions, a JSON object on stdin. */
export async function readInput<T>(): Promise<T> {
  let input = "";
  for await (const chunk of process.stdin) input += String(chunk);
  return JSON.parse(input) as T;
}
