// Prisma 6.19 CLI, fully offline: WASM schema engine ("js" engine) driven through @prisma/adapter-pg 7.x.
// See docs/decisions/002-prisma-offline.md for why each patch below exists.
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

/* eslint-disable no-restricted-properties -- the Prisma CLI config runs outside the app and its env module */
if (existsSync(".env")) process.loadEnvFile(".env");
// `url = env("DATABASE_URL")` must resolve or the CLI tries to download a native engine.
process.env.DATABASE_URL ??= "postgresql://postgres:postgres@127.0.0.1:5432/portal_dev";
const url = process.env.DATABASE_URL;
/* eslint-enable no-restricted-properties */

// adapter-pg cannot map PostgreSQL's internal "char" type (OID 18) read by introspection: map it to TEXT.
function patchCharType(adapter: object) {
  let proto = Object.getPrototypeOf(adapter) as Record<string, unknown> | null;
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto) as typeof proto;
  if (!proto) throw new Error("adapter-pg internals changed: performIO not found");
  if (proto.__charPatched) return;
  const original = proto.performIO as (...args: unknown[]) => Promise<unknown>;
  proto.performIO = async function (this: unknown, ...args: unknown[]) {
    const res = await original.apply(this, args);
    for (const r of Array.isArray(res) ? res : [res])
      for (const f of (r as { fields?: { dataTypeID: number }[] })?.fields ?? [])
        if (f.dataTypeID === 18) f.dataTypeID = 25;
    return res;
  };
  proto.__charPatched = true;
}

// The WASM schema engine arms 10 s / 60 s timers it never clears; unref them so the CLI exits when done.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
  const t = realSetTimeout(fn, ms, ...rest);
  if ((ms ?? 0) >= 5_000) t.unref();
  return t;
}) as typeof setTimeout;

// Stock connectToShadowDb() reuses the main database and drops the shadow while still connected.
class PrismaPgMigrate extends PrismaPg {
  async connect() {
    const adapter = await super.connect();
    patchCharType(adapter);
    return adapter;
  }
  async connectToShadowDb() {
    const name = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const adapter = await new PrismaPg({ connectionString: u.toString(), allowExitOnIdle: true }).connect();
    patchCharType(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx --conditions=react-server prisma/seed.ts" },
  adapter: async () => new PrismaPgMigrate({ connectionString: url, allowExitOnIdle: true }),
});
