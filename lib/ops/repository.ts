// What the operations endpoints read from the database: plain SQL on the hot-path pool (cheap, no Prisma).
import { prismaPoolIfOpen } from "@/lib/core/db";
import { query, sqlPoolIfOpen } from "@/lib/core/sql";
import type { PoolStats } from "./metrics";

/** Names of the migrations applied to this database (finished, not rolled back). */
export async function appliedMigrations(): Promise<Set<string>> {
  const rows = await query<{ migration_name: string }>(
    "ops-applied-migrations",
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(rows.map((r) => r.migration_name));
}

/** The job queue as every instance shares it. */
export async function queueStats(now = new Date()) {
  const [row] = await query<{ pending: number; overdue: number; failed: number }>(
    "ops-queue-stats",
    `SELECT count(*) FILTER (WHERE "doneAt" IS NULL AND "failedAt" IS NULL)::int AS pending,
            count(*) FILTER (WHERE "doneAt" IS NULL AND "failedAt" IS NULL AND "runAt" < $1
                             AND ("lockedUntil" IS NULL OR "lockedUntil" < $2))::int AS overdue,
            count(*) FILTER (WHERE "failedAt" > $3)::int AS failed
     FROM jobs`,
    [new Date(now.getTime() - 60_000), now, new Date(now.getTime() - 86_400_000)],
  );
  return { pending: row?.pending ?? 0, overdue: row?.overdue ?? 0, failedLastDay: row?.failed ?? 0 };
}

/** This process's two pools (Prisma's and the hot-path one), as far as they are open. */
export function poolStats(): PoolStats[] {
  const pools = { prisma: prismaPoolIfOpen(), sql: sqlPoolIfOpen() };
  return Object.entries(pools).flatMap(([pool, p]) =>
    p ? [{ pool, total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount }] : [],
  );
}

/** Accounts on example.com: the seed's demo accounts (nobody real has an address there, RFC 2606). */
export async function countDemoAccounts(): Promise<number> {
  const [row] = await query<{ n: number }>(
    "ops-count-demo-accounts",
    `SELECT count(*)::int AS n FROM users WHERE lower(email) LIKE '%@example.com'`,
  );
  return row?.n ?? 0;
}
