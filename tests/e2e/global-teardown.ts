import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { E2E_IMAGE_DIR, E2E_LOG_FILE } from "../../playwright.config";

// The SSNs the e2e suite types, in the forms a leak could take.
const TEST_SSNS = ["123456789", "123456780", "123456799", "234566789"].flatMap((s) => [
  s,
  `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`,
  `${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`,
]);

/** The whole database as text: pg_dump, or every row as JSON when pg_dump cannot talk to this server. */
async function databaseText(url: string): Promise<string> {
  try {
    return execFileSync("pg_dump", ["--data-only", url], { maxBuffer: 512 * 1024 * 1024 }).toString();
  } catch {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
      );
      const parts: string[] = [];
      for (const { tablename } of tables.rows) {
        const rows = await client.query<{ row: string }>(
          `SELECT row_to_json(t)::text AS row FROM "${tablename}" t`,
        );
        parts.push(tablename, ...rows.rows.map((r) => r.row));
      }
      return parts.join("\n");
    } finally {
      await client.end();
    }
  }
}

/** After the suite: neither the database, the portal's logs nor the photo store holds a test SSN in plaintext. */
export default async function globalTeardown() {
  // eslint-disable-next-line no-restricted-properties -- the e2e runner's database, set by scripts/test-e2e.ts
  const dump = await databaseText(process.env.DATABASE_URL!);
  if (!dump.includes("proofing_cases"))
    throw new Error("PII scan: the database dump has no proofing_cases table");
  const logs = await readFile(E2E_LOG_FILE, "utf8").catch(() => "");
  const images = await readdir(E2E_IMAGE_DIR).catch(() => [] as string[]);
  const imageText = (await Promise.all(images.map((f) => readFile(join(E2E_IMAGE_DIR, f))))).map((b) =>
    b.toString("latin1"),
  );
  const leaks = TEST_SSNS.flatMap((ssn) =>
    [
      dump.includes(ssn) ? `database dump contains ${ssn}` : null,
      logs.includes(ssn) ? `portal log contains ${ssn}` : null,
      imageText.some((t) => t.includes(ssn)) ? `image store contains ${ssn}` : null,
    ].filter((x): x is string => x !== null),
  );
  if (leaks.length > 0) throw new Error(`PII scan failed:\n${leaks.join("\n")}`);
  console.log(
    `PII scan: no test SSN in the database dump, ${logs.split("\n").length} log lines or ${images.length} stored photos.`,
  );
}
