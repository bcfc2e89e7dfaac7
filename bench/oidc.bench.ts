// The provider's token endpoint (authorization code → tokens) and userinfo under load (`npm run bench:oidc`):
// 32 clients for 10 s each, over HTTP on loopback, the provider served as server.ts serves it. Codes are made
// beforehand through the provider's own model (what a finished sign-in leaves), one per token request.
/* eslint-disable no-restricted-properties, @typescript-eslint/no-restricted-imports -- a benchmark configures and seeds its own run */
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hashClientSecret } from "@/lib/oidc/clients";
import { insertApplication } from "@/lib/oidc/client-repository";
import { loadSigningKeys, rotateSigningKeys } from "@/lib/oidc/keys";
import { createProvider } from "@/lib/oidc/provider";
import { startTokenFloor } from "./oidc-floor";
import { createUser } from "../tests/factories/user";

process.env.LOG_LEVEL = "silent";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

await rotateSigningKeys();
const server = createServer((req, res) => {
  Object.assign(req, { originalUrl: req.url, url: req.url!.replace(/^\/oidc/, "") || "/" });
  void provider.callback()(req, res);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oidc`;
const provider = createProvider(issuer, await loadSigningKeys(), false);

const clientId = `bench-${Date.now()}`;
const secret = randomBytes(32).toString("base64url");
const redirectUri = "https://bench.example/cb";
await insertApplication({
  clientId,
  name: "Bench partner",
  logoUrl: null,
  redirectUris: [redirectUri],
  postLogoutRedirectUris: [],
  scopes: ["openid", "email", "profile"],
  requiredAcr: null,
  isConfidential: true,
  clientSecretHash: hashClientSecret(secret),
  tokenEndpointAuthMethod: "client_secret_basic",
  jwks: null,
  partnerId: null,
});
const user = await createUser();
const basic = `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
const verifier = randomBytes(32).toString("base64url");
const challenge = createHash("sha256").update(verifier).digest("base64url");

const client = await provider.Client.find(clientId);
const grant = new provider.Grant({ accountId: user.id, clientId });
grant.addOIDCScope("openid email profile");
const grantId = await grant.save();

async function newCode(): Promise<string> {
  const code = new provider.AuthorizationCode({
    client: client!,
    accountId: user.id,
    redirectUri,
    acr: "urn:mag:aal2",
    amr: ["pwd", "otp", "sms"],
    authTime: Math.floor(Date.now() / 1000),
    scope: "openid email profile",
    codeChallenge: challenge,
    codeChallengeMethod: "S256",
    grantId,
    gty: "authorization_code",
  });
  return code.save();
}

async function run(label: string, request: () => Promise<Response>): Promise<{ rps: number; p95: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < until) {
        const started = performance.now();
        const response = await request();
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (response.status !== 200) errors += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  console.log(
    `${label}: ${(latencies.length / SECONDS).toFixed(0)}/s, p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, errors ${errors}`,
  );
  return { rps: (latencies.length - errors) / SECONDS, p95: at(95) };
}

// Codes for the token run, made up front (about what 32 clients can use in the run).
const codes: string[] = [];
for (let i = 0; i < Number(process.env.BENCH_CODES ?? 6000); i += 1) codes.push(await newCode());

const exchange = (url: string, code: string) =>
  fetch(url, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });

let accessToken = "";
const portalToken = await run(`token (code → tokens), ${CLIENTS} clients`, async () => {
  const code = codes.pop() ?? (await newCode());
  const response = await exchange(`${issuer}/token`, code);
  if (!accessToken && response.status === 200) {
    const body = (await response.clone().json()) as { access_token: string };
    accessToken = body.access_token;
  }
  return response;
});
await run(`userinfo, ${CLIENTS} clients`, () =>
  fetch(`${issuer}/me`, { headers: { authorization: `Bearer ${accessToken}` } }),
);

// The floor: the same statements and signing, nothing else (bench/oidc-floor.ts), on codes of its own.
const floorCodes: string[] = [];
for (let i = 0; i < Number(process.env.BENCH_CODES ?? 6000); i += 1) floorCodes.push(await newCode());
const es256 = (await loadSigningKeys()).find((k) => k.alg === "ES256")!;
const floor = await startTokenFloor(es256, issuer, hashClientSecret);
const floorToken = await run(`token floor, ${CLIENTS} clients`, async () =>
  exchange(`${floor.url}/token`, floorCodes.pop() ?? (await newCode())),
);
console.log(
  `token ratio (portal/floor): ${(portalToken.rps / floorToken.rps).toFixed(2)}, p95 ratio ${(portalToken.p95 / floorToken.p95).toFixed(2)}`,
);
floor.server.close();
await floor.pool.end();
server.close();
process.exit(0);
