// The bare floor for bench/otp.bench.ts: node:http + pg doing only the minimum database work of each
// scenario, with the same argon2id cost: the OTP send and verify in one SQL statement each (issue 20's bar).
// No framework, no session cookie, no rate limits, no audit.
/* eslint-disable no-restricted-properties -- a standalone benchmark server */
import { createHash, randomInt } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { verify } from "@node-rs/argon2";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

async function body(req: IncomingMessage): Promise<Record<string, string>> {
  let raw = "";
  for await (const chunk of req) raw += String(chunk);
  return JSON.parse(raw) as Record<string, string>;
}

const routes: Record<string, (b: Record<string, string>) => Promise<unknown>> = {
  async "/signin"(b) {
    const user = (await pool.query('SELECT id, "passwordHash" FROM users WHERE email = $1', [b.login]))
      .rows[0] as { id: string; passwordHash: string } | undefined;
    if (!user || !(await verify(user.passwordHash, b.password!))) return { status: "invalid" };
    const row = (
      await pool.query(
        `INSERT INTO login_challenges (id, "userId", "passwordAt", "expiresAt") VALUES (gen_random_uuid(), $1, now(), now() + interval '10 minutes') RETURNING id`,
        [user.id],
      )
    ).rows[0] as { id: string };
    return { status: "otp_required", challenge: row.id };
  },
  // One statement: the challenge and a phone read, the code upserted and the outbox row written.
  async "/send"(b) {
    const code = String(randomInt(1_000_000)).padStart(6, "0");
    const sent = (
      await pool.query(
        `WITH ch AS (SELECT "userId" FROM login_challenges WHERE id = $1),
         ph AS (SELECT p."e164Fingerprint", ch."userId" FROM phone_numbers p JOIN ch ON p."userId" = ch."userId" LIMIT 1),
         upserted AS (
           INSERT INTO one_time_codes (id, "userId", purpose, channel, "targetFingerprint", "targetEncrypted", "bindingHash", "codeHash", "expiresAt")
           SELECT gen_random_uuid(), ph."userId", 'SIGN_IN', 'SMS', ph."e164Fingerprint", '', $1, $2, now() + interval '5 minutes' FROM ph
           ON CONFLICT ("userId", purpose) DO UPDATE SET "codeHash" = EXCLUDED."codeHash", attempts = 0, "consumedAt" = NULL
           RETURNING 1),
         queued AS (INSERT INTO outbox_messages (channel, "to", body) SELECT 'SMS', 'floor', $3 FROM upserted RETURNING 1)
         SELECT count(*)::int AS n FROM queued`,
        [b.challenge, sha(code), `code ${code}`],
      )
    ).rows[0] as { n: number };
    return sent.n === 1 ? { status: "code_sent", code } : { status: "invalid" };
  },
  // One statement: the attempt counted, the code checked and consumed, and the session opened.
  async "/verify"(b) {
    const row = (
      await pool.query(
        `WITH checked AS (
           UPDATE one_time_codes c SET attempts = c.attempts + 1,
             "consumedAt" = CASE WHEN c."codeHash" = $2 THEN now() END
           FROM login_challenges l
           WHERE l.id = $1 AND c."userId" = l."userId" AND c.purpose = 'SIGN_IN' AND c."consumedAt" IS NULL AND c.attempts < 5
           RETURNING c."userId", c."consumedAt" IS NOT NULL AS ok),
         opened AS (
           INSERT INTO sessions (id, "userId", "authLevel", "passwordAt", "otpAt", "expiresAt", "claimedAt")
           SELECT gen_random_uuid(), "userId", 'PASSWORD_OTP', now(), now(), now() + interval '12 hours', now()
           FROM checked WHERE ok RETURNING id)
         SELECT (SELECT id FROM opened) AS id`,
        [b.challenge, sha(b.code!)],
      )
    ).rows[0] as { id: string | null };
    return row.id ? { status: "authenticated" } : { status: "invalid" };
  },
};

const server = createServer((req, res) => {
  const route = routes[req.url ?? ""];
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  body(req)
    .then(route)
    .then((out) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(out)))
    .catch((error: unknown) => res.writeHead(500).end(String(error)));
});
server.listen(Number(process.env.FLOOR_PORT ?? 3401), "127.0.0.1", () => console.log("floor ready"));
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
