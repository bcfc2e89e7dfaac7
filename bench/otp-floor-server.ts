// The bare floor for bench/otp.bench.ts: node:http + pg doing only the minimum database work of each
// scenario, with the same argon2id cost. No framework, no session cookie, no rate limits, no audit.
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
  async "/send"(b) {
    const challenge = (await pool.query('SELECT "userId" FROM login_challenges WHERE id = $1', [b.challenge]))
      .rows[0] as { userId: string } | undefined;
    if (!challenge) return { status: "invalid" };
    const phone = (
      await pool.query('SELECT "e164Fingerprint" FROM phone_numbers WHERE "userId" = $1 LIMIT 1', [
        challenge.userId,
      ])
    ).rows[0] as { e164Fingerprint: string };
    const code = String(randomInt(1_000_000)).padStart(6, "0");
    await pool.query(
      `INSERT INTO one_time_codes (id, "userId", purpose, channel, "targetFingerprint", "targetEncrypted", "bindingHash", "codeHash", "expiresAt")
       VALUES (gen_random_uuid(), $1, 'SIGN_IN', 'SMS', $2, '', $3, $4, now() + interval '5 minutes')
       ON CONFLICT ("userId", purpose) DO UPDATE SET "codeHash" = EXCLUDED."codeHash", attempts = 0, "consumedAt" = NULL`,
      [challenge.userId, phone.e164Fingerprint, b.challenge, sha(code)],
    );
    await pool.query(`INSERT INTO outbox_messages (channel, "to", body) VALUES ('SMS', $1, $2)`, [
      "floor",
      `code ${code}`,
    ]);
    return { status: "code_sent", code };
  },
  async "/verify"(b) {
    const row = (
      await pool.query(
        `UPDATE one_time_codes c SET attempts = attempts + 1 FROM login_challenges l
         WHERE l.id = $1 AND c."userId" = l."userId" AND c.purpose = 'SIGN_IN' AND c."consumedAt" IS NULL AND c.attempts < 5
         RETURNING c.id, c."codeHash", c."userId"`,
        [b.challenge],
      )
    ).rows[0] as { id: string; codeHash: string; userId: string } | undefined;
    if (!row || row.codeHash !== sha(b.code!)) return { status: "invalid" };
    await pool.query(
      'UPDATE one_time_codes SET "consumedAt" = now() WHERE id = $1 AND "consumedAt" IS NULL',
      [row.id],
    );
    await pool.query(
      `INSERT INTO sessions (id, "userId", "authLevel", "passwordAt", "otpAt", "expiresAt", "claimedAt") VALUES (gen_random_uuid(), $1, 'PASSWORD_OTP', now(), now(), now() + interval '12 hours', now())`,
      [row.userId],
    );
    return { status: "authenticated" };
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
