import pg from "pg";

/**
 * Every row of every table in the public schema as text (one line a row, after a line with the table's
 * name), read through the driver so it works on any server version, unlike the machine's pg_dump.
 * Throws when a table cannot be read or the schema has no tables: a scan must never pass on an empty dump.
 */
export async function databaseText(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    if (tables.length === 0) throw new Error(`database scan: no tables in ${new URL(url).pathname}`);
    const parts: string[] = [];
    for (const { tablename } of tables) {
      // A row cast to text is its composite literal, the same text COPY would write for each column.
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${tablename}" t`);
      parts.push(`-- ${tablename}`, ...rows.map((r) => r.row));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}
