import { readdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { E2E_IMAGE_DIR, E2E_LOG_FILE, E2E_SECRETS_FILE } from "./settings";
import { secretsSeen } from "./secrets-seen";
import { LICENSE_KEY } from "./store-helpers";
import { TEST_PASSWORD } from "../factories/user";
import { databaseText } from "../setup/database-text";

// After the suite (reliability case D1): no secret the suite made or typed is stored or logged in plaintext.
// Scanned: every table but the outbox (in demo mode it is the stand-in for the phone and the mailbox, so it
// holds what was sent by design), the portal's log file and the object store's files.

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

// The passwords the specs type (right, wrong and new ones).
const TYPED_PASSWORDS = [
  TEST_PASSWORD,
  "plain quiet river stones",
  "granite lantern orchard 57",
  "a brand new long passphrase",
  "yet another long passphrase",
  "not my password at all",
  "not the right password",
  "wrong password 0",
];

type Secret = { kind: string; value: string };

/** Codes texted or spoken and license keys emailed, read back from the outbox. */
async function sentSecrets(db: pg.Client): Promise<Secret[]> {
  const { rows } = await db.query<{ channel: string; body: string }>(
    "SELECT channel, body FROM outbox_messages",
  );
  const secrets: Secret[] = [];
  for (const { channel, body } of rows) {
    if (channel !== "EMAIL") {
      for (const code of body.match(/\b\d{6}\b/g) ?? []) secrets.push({ kind: "OTP code", value: code });
      // A call reads the digits one by one: "1, 2, 3, 4, 5, 6".
      const spoken = body.replace(/\D/g, "").match(/\d{6}/)?.[0];
      if (spoken) secrets.push({ kind: "OTP code", value: spoken });
    }
    const key = LICENSE_KEY.exec(body)?.[0];
    if (key)
      secrets.push(
        { kind: "license key", value: key },
        { kind: "license key", value: key.replace(/-/g, "") },
      );
  }
  return secrets;
}

/** Where `secret` occurs in `text`: six digits only as a whole token, so that longer numbers do not match. */
function contains(text: string, secret: Secret): boolean {
  if (!/^\d{6}$/.test(secret.value)) return text.includes(secret.value);
  return new RegExp(`(?<![0-9A-Za-z_.:+-])${secret.value}(?![0-9A-Za-z_-])`).test(text);
}

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(E2E_IMAGE_DIR, { recursive: true }).catch(() => [] as string[]);
  const files: string[] = [];
  for (const entry of entries) if ((await stat(join(E2E_IMAGE_DIR, entry))).isFile()) files.push(entry);
  return files;
}

export default async function globalTeardown() {
  // eslint-disable-next-line no-restricted-properties -- the e2e runner's database, set by scripts/test-e2e.ts
  const url = process.env.DATABASE_URL!;
  const dump = await databaseText(url);
  if (!dump.includes("\n-- proofing_cases\n"))
    throw new Error("secret scan: the dump has no proofing_cases table");
  const tables = dump.split(/\n(?=-- )/);
  const scanned = tables.filter((t) => !t.startsWith("-- outbox_messages\n")).join("\n");
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const sent = await sentSecrets(db).finally(() => db.end());
  // No file means nothing was logged; any other read error fails the scan.
  const logs = await readFile(E2E_LOG_FILE, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  // The e2e portals keep photos in a loopback S3 whose files live under E2E_IMAGE_DIR (scripts/test-e2e.ts).
  const files = await storedFiles();
  const stored = (await Promise.all(files.map((f) => readFile(join(E2E_IMAGE_DIR, f))))).map((b) =>
    b.toString("latin1"),
  );
  const secrets: Secret[] = [
    ...TEST_SSNS.map((value) => ({ kind: "SSN", value })),
    ...TYPED_PASSWORDS.map((value) => ({ kind: "password", value })),
    ...sent,
    ...secretsSeen(),
  ];
  const leaks = secrets.flatMap((secret) =>
    [
      contains(scanned, secret) ? "the database" : null,
      contains(logs, secret) ? "the portal log" : null,
      stored.some((t) => contains(t, secret)) ? "the object store" : null,
    ]
      .filter((where): where is string => where !== null)
      .map((where) => `${where} holds the ${secret.kind} ${secret.value}`),
  );
  if (leaks.length > 0) throw new Error(`secret scan failed:\n${leaks.join("\n")}`);
  await rm(E2E_SECRETS_FILE, { force: true });
  const counts = Object.entries(
    secrets.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.kind]: (acc[s.kind] ?? 0) + 1 }), {}),
  ).map(([kind, n]) => `${n} ${kind}s`);
  console.log(
    `secret scan: none of ${counts.join(", ")} in ${tables.length - 1} tables, ${logs.split("\n").length} log lines or ${files.length} stored files.`,
  );
}
