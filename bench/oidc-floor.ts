// The token endpoint's floor for bench/oidc.bench.ts: node:http + pg making the same seven statements as the
// provider's authorization-code exchange (client, code, grant, consume, account, access token, proofing
// date: traced from a real exchange) and the same signing (ES256 ID token with the same key), with nothing
// else: no framework, no validation beyond the client secret and PKCE, no error handling.
/* eslint-disable no-restricted-properties -- a benchmark's bare server */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { importJWK, SignJWT, type JWK } from "jose";
import pg from "pg";

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  let raw = "";
  for await (const chunk of req) raw += String(chunk);
  return new URLSearchParams(raw);
}

type Payload = Record<string, unknown>;

/** Starts the floor on a free loopback port; `hashSecret` is how the portal stores client secrets. */
export async function startTokenFloor(
  signingKey: JWK & { kid: string },
  issuer: string,
  hashSecret: (secret: string) => string,
): Promise<{ url: string; server: Server; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
  const key = await importJWK(signingKey, "ES256");
  const one = async (name: string, text: string, values: unknown[]) =>
    (await pool.query({ name, text, values })).rows[0] as Payload | undefined;
  const findPayload = (id: string, model: string) =>
    one(
      "floor-find",
      `SELECT payload, "consumedAt" FROM oidc_payloads WHERE key = $1 AND model = $2 AND ("expiresAt" IS NULL OR "expiresAt" > now())`,
      [`${model}:${id}`, model],
    );

  const server = createServer((req, res) => {
    void (async () => {
      const body = await form(req);
      const [clientId, secret] = Buffer.from((req.headers.authorization ?? "").slice(6), "base64")
        .toString()
        .split(":");
      const client = await one(
        "floor-client",
        `SELECT "clientId", "clientSecretHash", "redirectUris", scopes FROM partner_applications WHERE "clientId" = $1`,
        [clientId],
      );
      if (client?.clientSecretHash !== hashSecret(secret ?? "")) return res.writeHead(401).end();
      const row = await findPayload(body.get("code")!, "AuthorizationCode");
      const code = row?.payload as Payload | undefined;
      const verifier = createHash("sha256").update(body.get("code_verifier")!).digest("base64url");
      if (!code || row?.consumedAt || code.codeChallenge !== verifier) return res.writeHead(400).end();
      await findPayload(code.grantId as string, "Grant");
      await pool.query({
        name: "floor-consume",
        text: `UPDATE oidc_payloads SET "consumedAt" = now() WHERE key = $1`,
        values: [`AuthorizationCode:${body.get("code")}`],
      });
      const user = await one(
        "floor-user",
        `SELECT id, email, "firstName", "lastName", status, "emailVerifiedAt" FROM users WHERE id = $1`,
        [code.accountId],
      );
      const accessToken = randomBytes(32).toString("base64url");
      const now = Math.floor(Date.now() / 1000);
      await pool.query({
        name: "floor-access-token",
        text: `INSERT INTO oidc_payloads (key, model, payload, "grantId", "userCode", uid, "expiresAt") VALUES ($1, $2, $3, $4, $5, $6, $7)
               ON CONFLICT (key) DO UPDATE SET payload = $3, "grantId" = $4, "userCode" = $5, uid = $6, "expiresAt" = $7`,
        values: [
          `AccessToken:${accessToken}`,
          "AccessToken",
          JSON.stringify({
            accountId: code.accountId,
            clientId,
            grantId: code.grantId,
            iat: now,
            exp: now + 3600,
          }),
          code.grantId,
          null,
          null,
          new Date((now + 3600) * 1000),
        ],
      });
      await one(
        "floor-proofing",
        `SELECT max("proofedAt") AS "proofedAt" FROM credentials WHERE "userId" = $1 AND status = 'ACTIVE' AND "expiresAt" > $2 AND "proofedAt" IS NOT NULL`,
        [code.accountId, new Date()],
      );
      const idToken = await new SignJWT({ email: user?.email, acr: code.acr, amr: code.amr })
        .setProtectedHeader({ alg: "ES256", kid: signingKey.kid })
        .setIssuer(issuer)
        .setSubject(String(code.accountId))
        .setAudience(clientId!)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(key);
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          access_token: accessToken,
          expires_in: 3600,
          id_token: idToken,
          scope: code.scope,
          token_type: "Bearer",
        }),
      );
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, pool };
}
