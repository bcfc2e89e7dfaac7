// A partner application that signs its users in with MAG (OpenID Connect, openid-client): what a partner
// agency would run. `npm run demo` starts it on port 3002; the seed registers it in demo mode.
//   MAG_ISSUER            the portal's issuer (http://localhost:3000/oidc)
//   PARTNER_CLIENT_ID     its client id (demo-partner-app)
//   PARTNER_CLIENT_SECRET its client secret
//   PARTNER_PORT          its port (3002)
//   PARTNER_BASE_URL      its own URL (http://localhost:3002)
/* eslint-disable no-restricted-properties -- a separate application with its own configuration */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import * as client from "openid-client";

const issuer = new URL(process.env.MAG_ISSUER ?? "http://localhost:3000/oidc");
const port = Number(process.env.PARTNER_PORT ?? 3002);
const base = process.env.PARTNER_BASE_URL ?? `http://localhost:${port}`;
const clientId = process.env.PARTNER_CLIENT_ID ?? "demo-partner-app";
const secret = process.env.PARTNER_CLIENT_SECRET ?? "";

// Sign-ins in progress (state → PKCE verifier) and signed-in visitors (cookie → claims): memory is enough here.
const pending = new Map<string, string>();
type Visitor = { claims: Record<string, unknown>; userinfo: Record<string, unknown>; idToken: string };
const visitors = new Map<string, Visitor>();

let config: client.Configuration | undefined;
async function mag(): Promise<client.Configuration> {
  // Plain http is allowed only because the demo portal runs on this machine.
  config ??= await client.discovery(issuer, clientId, undefined, client.ClientSecretBasic(secret), {
    execute: issuer.protocol === "http:" ? [client.allowInsecureRequests] : [],
  });
  return config;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Northwind Partner Portal</title></head><body style="font-family:system-ui;max-width:40rem;margin:3rem auto"><h1>Northwind Partner Portal</h1>${body}</body></html>`;

function send(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
  res.end(html);
}

async function login(res: ServerResponse, acr: string | null) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  pending.set(state, verifier);
  const url = client.buildAuthorizationUrl(await mag(), {
    redirect_uri: `${base}/callback`,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    ...(acr ? { acr_values: acr } : {}),
  });
  res.writeHead(302, { location: url.href }).end();
}

async function callback(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url!, base);
  const state = url.searchParams.get("state") ?? "";
  const verifier = pending.get(state);
  pending.delete(state);
  if (url.searchParams.get("error")) {
    return send(
      res,
      200,
      page(
        `<p>Sign-in refused: <code id="error">${escape(url.searchParams.get("error")!)}</code></p><p><a href="/">Back</a></p>`,
      ),
    );
  }
  if (!verifier) return send(res, 400, page("<p>Unknown sign-in. <a href='/'>Start again</a>.</p>"));
  const tokens = await client.authorizationCodeGrant(await mag(), url, {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  const claims = tokens.claims() as Record<string, unknown>;
  const userinfo = (await client.fetchUserInfo(
    await mag(),
    tokens.access_token,
    String(claims.sub),
  )) as Record<string, unknown>;
  const id = randomBytes(16).toString("hex");
  visitors.set(id, { claims, userinfo, idToken: tokens.id_token! });
  res.writeHead(302, { location: "/", "set-cookie": `partner=${id}; HttpOnly; SameSite=Lax; Path=/` }).end();
}

const visitorId = (req: IncomingMessage) => /(?:^|; )partner=([a-f0-9]+)/.exec(req.headers.cookie ?? "")?.[1];

/** Signs out here and asks MAG to sign the user out too (RP-initiated logout), then comes back home. */
async function logout(req: IncomingMessage, res: ServerResponse) {
  const id = visitorId(req);
  const visitor = id ? visitors.get(id) : undefined;
  if (id) visitors.delete(id);
  if (!visitor) return void res.writeHead(302, { location: "/" }).end();
  const url = client.buildEndSessionUrl(await mag(), {
    id_token_hint: visitor.idToken,
    post_logout_redirect_uri: `${base}/`,
  });
  res.writeHead(302, { location: url.href, "set-cookie": "partner=; Max-Age=0; Path=/" }).end();
}

function home(req: IncomingMessage, res: ServerResponse) {
  const id = visitorId(req);
  const visitor = id ? visitors.get(id) : undefined;
  if (!visitor) {
    return send(
      res,
      200,
      page(
        `<p><a href="/login">Sign in with MAG</a></p><p><a href="/login?acr=urn:mag:aal2">Sign in with MAG (phone OTP required)</a></p>`,
      ),
    );
  }
  const rows = Object.entries(visitor.claims)
    .map(
      ([k, v]) =>
        `<tr><th>${escape(k)}</th><td data-claim="${escape(k)}">${escape(JSON.stringify(v))}</td></tr>`,
    )
    .join("");
  send(
    res,
    200,
    page(
      `<p>Signed in as ${escape(String(visitor.userinfo.email ?? visitor.claims.sub))}.</p><table aria-label="ID token claims">${rows}</table><p><a href="/logout">Sign out</a></p>`,
    ),
  );
}

createServer((req, res) => {
  const url = new URL(req.url!, base);
  const route =
    url.pathname === "/login"
      ? login(res, url.searchParams.get("acr"))
      : url.pathname === "/callback"
        ? callback(req, res)
        : url.pathname === "/logout"
          ? logout(req, res)
          : Promise.resolve(home(req, res));
  route.catch((error: unknown) => send(res, 500, page(`<p>Error: ${escape((error as Error).message)}</p>`)));
}).listen(port, "127.0.0.1", () => console.log(`Partner app on ${base} (issuer ${issuer.href})`));
