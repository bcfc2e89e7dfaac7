// What the operations endpoints read from the database: plain SQL on the hot-path pool (cheap, no Prisma).
import { query } from "@/lib/core/sql";

/** Names of the migrations applied to this database (finished, not rolled back). */
export async function appliedMigrations(): Promise<Set<string>> {
  const rows = await query<{ migration_name: string }>(
    "ops-applied-migrations",
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(rows.map((r) => r.migration_name));
}
