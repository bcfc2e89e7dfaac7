import { db } from "@/lib/core/db";

/** Empties every table (the audit trigger does not fire on TRUNCATE). */
export async function resetDb(): Promise<void> {
  const rows = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const tables = rows.map((r) => `"public"."${r.tablename}"`).join(", ");
  if (tables) await db().$executeRawUnsafe(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}

export { db };
