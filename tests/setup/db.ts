import { db } from "@/lib/core/db";

/**
 * Empties `tables` (with CASCADE) as a superuser may: with triggers off for this transaction, since the audit
 * table refuses TRUNCATE to everyone else. For tests and benchmarks only.
 */
export async function truncate(tables: string[]): Promise<void> {
  await db().$transaction([
    db().$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
    db().$executeRawUnsafe(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`),
  ]);
}

/** Empties every table. */
export async function resetDb(): Promise<void> {
  const rows = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (rows.length) await truncate(rows.map((r) => `"public"."${r.tablename}"`));
}

export { db };
