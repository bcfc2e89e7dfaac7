import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { E2E_IMAGE_DIR, E2E_LOG_FILE } from "./settings";
import { databaseText } from "../setup/database-text";

// The SSNs the e2e suite types, in the forms a leak could take.
const TEST_SSNS = [
  "123456789",
  "124456789",
  "123456780",
  "123456799",
  "234566789",
  "345676789",
  "346676789",
].flatMap((s) => [
  s,
  `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`,
  `${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`,
]);

/** After the suite: neither the database, the portal's logs nor the photo store holds a test SSN in plaintext. */
export default async function globalTeardown() {
  // eslint-disable-next-line no-restricted-properties -- the e2e runner's database, set by scripts/test-e2e.ts
  const dump = await databaseText(process.env.DATABASE_URL!);
  if (!dump.includes("\n-- proofing_cases\n"))
    throw new Error("PII scan: the dump has no proofing_cases table");
  const proofingCases = dump
    .split("\n-- proofing_cases\n")[1]!
    .split("\n-- ")[0]!
    .split("\n")
    .filter((line) => line.startsWith("(")).length;
  // No file means nothing was logged; any other read error fails the scan.
  const logs = await readFile(E2E_LOG_FILE, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  // The e2e portals keep photos in a loopback S3 whose files live under E2E_IMAGE_DIR (scripts/test-e2e.ts).
  const entries = await readdir(E2E_IMAGE_DIR, { recursive: true }).catch(() => [] as string[]);
  const files: string[] = [];
  for (const entry of entries) if ((await stat(join(E2E_IMAGE_DIR, entry))).isFile()) files.push(entry);
  const images = files.filter((f) => f.endsWith("._S3rver_object"));
  const imageText = (await Promise.all(files.map((f) => readFile(join(E2E_IMAGE_DIR, f))))).map((b) =>
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
    `PII scan: no test SSN in the database (${proofingCases} proofing case rows), ${logs.split("\n").length} log lines or ${images.length} stored photos.`,
  );
}
