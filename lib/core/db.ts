import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { onShutdown } from "./shutdown";
import { dropLostIdleConnections, poolSettings } from "./sql";

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaPool?: pg.Pool };

function createClient(): PrismaClient {
  // The pool is ours, not the adapter's, so that its usage can be reported (/api/metrics).
  const pool = new pg.Pool(poolSettings());
  dropLostIdleConnections(pool, "prisma");
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  onShutdown("connections", "prisma pool", async () => {
    await client.$disconnect();
    await pool.end();
  });
  globalForPrisma.prismaPool = pool;
  return client;
}

/** Prisma's connection pool, once a query has opened it. */
export function prismaPoolIfOpen(): pg.Pool | undefined {
  return globalForPrisma.prismaPool;
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
