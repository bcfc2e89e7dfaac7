// `npm run test:backup-restore` (after `npm run build`, DATABASE_URL naming a PostgreSQL server whose version
// matches pg_dump's): the restore docs/operations.md describes, done for real. A demo database with a user part
// way through identity proofing is dumped with pg_dump and restored into a new database; the portal started on
// the copy with the same keys signs a staff member in with the phone OTP (password hash, credential and sealed
// phone intact), and the copy holds the same users, credentials and proofing results, sealed data included.
/* eslint-disable no-restricted-properties -- a script prepares the environment of the processes it starts */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startBuiltProcess } from "../tests/setup/built-process";
import { ensureLocalSecrets, loadDotEnv, run } from "./portal-env";
import { onServer } from "./test-db";

const SOURCE = "portal_backup_source";
const RESTORED = "portal_backup_restored";
const STAFF = {
  login: "support@example.com",
  password: "correct-horse-battery-staple",
  phone: "+12025550101",
};

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function pgTool(tool: string, args: string[]) {
  const result = spawnSync(tool, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.error?.message}`);
}

/** What a restore must bring back: counts, and a user's proofing case with its sealed identity. */
async function snapshot(url: string, caseId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const count = async (table: string) =>
      Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    const proofing = await client.query(
      `SELECT status, "identityOutcome", "identityEncrypted", "ssnFingerprint" FROM proofing_cases WHERE id = $1`,
      [caseId],
    );
    return {
      users: await count("users"),
      credentials: await count("credentials"),
      phones: await count("phone_numbers"),
      proofingCases: await count("proofing_cases"),
      proofing: proofing.rows[0] as Record<string, string>,
    };
  } finally {
    await client.end();
  }
}

async function main() {
  loadDotEnv();
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to a PostgreSQL server pg_dump can dump.");
  ensureLocalSecrets();
  const server = process.env.DATABASE_URL;
  const source = databaseUrl(server, SOURCE);
  const restored = databaseUrl(server, RESTORED);
  for (const name of [SOURCE, RESTORED])
    await onServer(server, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
  await onServer(server, [`CREATE DATABASE "${SOURCE}"`]);

  // A demo database (staff with phones) and a buyer whose identity the bureau has verified.
  const demo = { ...process.env, DATABASE_URL: source, MAG_DEMO: "true", SEED_DEMO_ACCOUNTS: "true" };
  await run("prisma", ["migrate", "deploy"], demo);
  await run("node", ["dist/seed.js"], demo);
  Object.assign(process.env, demo);
  const { createActivatedCredential } = await import("../tests/factories/credential");
  const { walkToCapture } = await import("../tests/setup/proofing");
  const { decrypt } = await import("../lib/core/crypto");
  const { runShutdown } = await import("../lib/core/shutdown");
  const { user, credentialId } = await createActivatedCredential({ withProofing: true });
  await walkToCapture(user.id, credentialId, "+13125550177", "456676789");
  const { db } = await import("../lib/core/db");
  const { id: caseId } = await db().proofingCase.findFirstOrThrow({ where: { userId: user.id } });
  await runShutdown(() => undefined);
  const before = await snapshot(source, caseId);

  // The backup and the restore, as docs/operations.md gives them.
  const dir = mkdtempSync(path.join(tmpdir(), "mag-backup-"));
  const dump = path.join(dir, "portal.dump");
  try {
    pgTool("pg_dump", ["--format=custom", "--no-owner", `--file=${dump}`, source]);
    await onServer(server, [`CREATE DATABASE "${RESTORED}"`]);
    pgTool("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${restored}`, dump]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const after = await snapshot(restored, caseId);
  if (JSON.stringify(after) !== JSON.stringify(before))
    throw new Error(`the restored database differs:\n${JSON.stringify({ before, after }, null, 2)}`);
  const identity = JSON.parse(decrypt(after.proofing.identityEncrypted!)) as { lastName?: string };
  if (identity.lastName !== "Quinn")
    throw new Error("the restored sealed identity does not open with the keys");
  console.log(
    `Restored: ${after.users} users, ${after.credentials} credentials, ${after.phones} phones, ` +
      `${after.proofingCases} proofing case (${after.proofing.status}, identity ${after.proofing.identityOutcome}).`,
  );

  // The portal on the copy, with the same keys: a staff sign-in with the texted code.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const portal = startBuiltProcess("server", {
    DATABASE_URL: restored,
    PORT: String(port),
    APP_URL: base,
    SHUTDOWN_GRACE_MS: "0",
    LOG_LEVEL: "warn",
  });
  try {
    for (let i = 0; ; i++) {
      const status = await fetch(`${base}/api/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (i > 120) throw new Error("the portal on the restored database never became ready");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const post = async (route: string, body: object) => {
      const response = await fetch(`${base}${route}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Record<string, unknown>;
    };
    const signIn = await post("/api/v1/sign-in", { login: STAFF.login, password: STAFF.password });
    const challenge = signIn.challenge as string;
    const phones = signIn.phones as { id: string }[];
    if (!challenge || !phones?.length) throw new Error(`password sign-in failed: ${JSON.stringify(signIn)}`);
    await post("/api/v1/sign-in/otp/send", { challenge, phoneId: phones[0]!.id, channel: "SMS" });
    const outbox = (await (
      await fetch(`${base}/api/dev/outbox?to=${encodeURIComponent(STAFF.phone)}`)
    ).json()) as {
      body: string;
    }[];
    const code = /\d{6}/.exec(outbox[0]?.body ?? "")?.[0];
    if (!code) throw new Error("no code was texted to the staff phone");
    const verified = await post("/api/v1/sign-in/otp/verify", { challenge, code });
    if (verified.status !== "authenticated") throw new Error(`phone OTP failed: ${JSON.stringify(verified)}`);
    console.log(
      "The portal on the restored database signed support@example.com in with password and phone OTP.",
    );
  } finally {
    process.kill(-portal.pid!, "SIGTERM");
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
