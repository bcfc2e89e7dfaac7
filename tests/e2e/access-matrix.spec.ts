import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import pg from "pg";
import {
  ACTIONS,
  ROUTES,
  SERVER_ROUTES,
  ROLES,
  type ActionRule,
  type OwnerIds,
  type Role,
  type Rule,
} from "./access-matrix";
import { createActiveCredential } from "../factories/credential";
import { createSignedInSession } from "../factories/session";
import { createUser } from "../factories/user";
import { expect, SESSION_COOKIE, test } from "./fixtures";

// The build's own lists: every page and route handler, every server action with its file and export name.
const routeManifest = JSON.parse(readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<
  string,
  string
>;
const actionManifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
  node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
};

const builtRoutes = Object.values(routeManifest).filter((r) => !r.startsWith("/_"));
const builtActions = Object.entries(actionManifest.node).map(([id, a]) => ({
  id,
  key: `${a.filename}#${a.exportedName}`,
  // A page that imports the action: the action is posted to it, as its form would.
  route: routeManifest[Object.keys(a.workers)[0]!.replace(/^app/, "")]!,
}));

test("every page, route handler and form action of the build has an entry in the access matrix", () => {
  expect(
    builtRoutes.filter((r) => !(r in ROUTES)),
    "routes without a matrix entry",
  ).toEqual([]);
  expect(
    Object.keys(ROUTES).filter((r) => !builtRoutes.includes(r)),
    "matrix entries for no route",
  ).toEqual([]);
  const actionKeys = builtActions.map((a) => a.key);
  expect(
    actionKeys.filter((k) => !(k in ACTIONS)),
    "actions without a matrix entry",
  ).toEqual([]);
  expect(
    Object.keys(ACTIONS).filter((k) => !actionKeys.includes(k)),
    "matrix entries for no action",
  ).toEqual([]);
});

/** The owner's account and objects, written straight to the database: no caller of the matrix is the owner. */
async function createOwner(db: pg.Client): Promise<OwnerIds & { agent: string }> {
  const tag = randomBytes(4).toString("hex");
  const insertUser = async (role: Role) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO users (id, email, username, "firstName", "lastName", country, "passwordHash", role,
           "emailVerifiedAt", "updatedAt")
         VALUES ($1, $2, $3, 'Owen', 'Owner', 'US', 'not-a-hash', $4, now(), now()) RETURNING id`,
        [randomUUID(), `${role.toLowerCase()}.${tag}@example.test`, `${role.toLowerCase()}.${tag}`, role],
      )
    ).rows[0]!.id;
  const user = await insertUser("USER");
  const agent = await insertUser("PROOFING_AGENT");
  const one = async (text: string, values: unknown[]) =>
    (await db.query<{ id: string }>(text, values)).rows[0]!.id;
  const product = await one(
    `SELECT id FROM products WHERE "includesProofing" AND kind = 'CREDENTIAL' LIMIT 1`,
    [],
  );
  const order = await one(
    `INSERT INTO orders (id, "userId", "productId", "amountCents", currency, status, "paymentMethod",
       "invoiceNumber", "submittedAt", "updatedAt")
     VALUES ($1, $2, $3, 8900, 'usd', 'AWAITING_PAYMENT', 'INVOICE', $4, now(), now()) RETURNING id`,
    [randomUUID(), user, product, `INV-MATRIX-${tag}`],
  );
  const key = await one(
    `INSERT INTO license_keys (id, "orderId", "keyHash", hint, status) VALUES ($1, $2, $3, 'WXYZ', 'ACTIVATED')
     RETURNING id`,
    [randomUUID(), order, `matrix-${tag}`],
  );
  const credential = await one(
    `INSERT INTO credentials (id, "userId", "productId", "licenseKeyId", status, "proofingRequired",
       "activatedAt", "expiresAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'PROOFING_REQUIRED', true, now(), now() + interval '1 year', now()) RETURNING id`,
    [randomUUID(), user, product, key],
  );
  const phone = await one(
    `INSERT INTO phone_numbers (id, "userId", "credentialId", "e164Encrypted", "e164Fingerprint", country,
       "lastDigits", "isDefault", "verifiedAt")
     VALUES ($1, $2, $3, 'sealed', $4, 'US', '43', true, now()) RETURNING id`,
    [randomUUID(), user, credential, `matrix-${tag}`],
  );
  const proofingCase = await one(
    `INSERT INTO proofing_cases (id, "credentialId", "userId", country, method, "updatedAt")
     VALUES ($1, $2, $3, 'US', 'LIVE_VIDEO', now()) RETURNING id`,
    [randomUUID(), credential, user],
  );
  const appointment = await one(
    `INSERT INTO appointments (id, "caseId", "userId", "agentId", "startsAt", "endsAt", "userTimeZone",
       "contactEmail", "contactPhoneEncrypted", "contactPhoneLastDigits", documents, "meetingProvider",
       "meetingUrl", "updatedAt")
     VALUES ($1, $2, $3, $4, now() + interval '2 days', now() + interval '2 days 30 minutes',
       'America/New_York', 'owen@example.test', 'sealed', '43', '{passport}', 'local',
       'http://127.0.0.1/meetings/x', now()) RETURNING id`,
    [randomUUID(), proofingCase, user, agent],
  );
  const session = await one(
    `INSERT INTO sessions (id, "userId", "claimedAt", "authLevel", "passwordAt", "expiresAt")
     VALUES ($1, $2, now(), 'PASSWORD', now(), now() + interval '1 day') RETURNING id`,
    [randomUUID(), user],
  );
  return { user, agent, credential, order, phone, appointment, session };
}

/** What the owner's objects look like; no refused call may change any of it. */
async function ownerState(db: pg.Client, ids: OwnerIds) {
  const { rows } = await db.query(
    `SELECT u.status, u.role, c.status AS credential, o.status AS "order", o."paymentReference",
       (SELECT count(*) FROM phone_numbers p WHERE p.id = $3 AND p."isDefault") AS phones,
       (SELECT count(*) FROM proofing_cases k WHERE k."credentialId" = $2) AS cases,
       (SELECT status FROM appointments a WHERE a.id = $5) AS appointment,
       (SELECT count(*) FROM one_time_codes t WHERE t."userId" = $1) AS codes,
       (SELECT "revokedAt" FROM sessions s WHERE s.id = $6) AS "sessionEnded"
     FROM users u, credentials c, orders o WHERE u.id = $1 AND c.id = $2 AND o.id = $4`,
    [ids.user, ids.credential, ids.phone, ids.order, ids.appointment, ids.session],
  );
  return rows[0] as Record<string, unknown>;
}

function refusalAuditCount(db: pg.Client, actorId: string) {
  return db
    .query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE "actorId" = $1 AND result = 'DENIED'`,
      [actorId],
    )
    .then((r) => r.rows[0]!.n);
}

/** Posts a form action as React does (`encodeReply` of [previous state, form data]). */
function postAction(
  request: APIRequestContext,
  id: string,
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
  // The root part comes last (a plain object would put the key "0" first): the parts it names come before it.
  multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return request.post(url, {
    headers: { "next-action": id, accept: "text/x-component", ...headers },
    multipart,
    maxRedirects: 0,
  });
}

/** What `role` (null: not signed in) should meet, or null where the matrix expects no refusal to test. */
function expected(rule: Rule, role: Role | null): "sign-in" | 403 | 404 | "allowed" | null {
  if (rule.access === "public") return null;
  if (role === null) return "sign-in";
  if (rule.access === "signed-in") return null;
  if (rule.access === "owner") return rule.staff?.includes(role) ? "allowed" : 404;
  if (!rule.roles.includes(role)) return 403;
  return rule.object && (rule.ownOnly ?? rule.roles).includes(role) ? 404 : "allowed";
}

/** Where a response redirects to: pages say it in Location, form actions in x-action-redirect ("<url>;<type>"). */
function redirectPath(response: APIResponse): string | undefined {
  const target = response.headers()["location"] ?? response.headers()["x-action-redirect"]?.split(";")[0];
  return target === undefined ? undefined : new URL(target, "http://portal").pathname;
}

function isSignInRedirect(response: APIResponse): boolean {
  return redirectPath(response) === "/sign-in";
}

let db: pg.Client;
let owner: OwnerIds & { agent: string };
let before: Record<string, unknown>;

test.beforeAll(async () => {
  // eslint-disable-next-line no-restricted-properties -- the e2e runner's database, set by scripts/test-e2e.ts
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  owner = await createOwner(db);
  before = await ownerState(db, owner);
});

test.afterAll(async () => {
  // Nothing any refused call tried took effect.
  expect(await ownerState(db, owner)).toEqual(before);
  await db.end();
});

for (const role of [null, ...ROLES] as (Role | null)[]) {
  test(`${role ?? "a visitor who is not signed in"}: every page, route and action naming another user's objects is refused and audited`, async ({
    page,
    login,
  }) => {
    test.setTimeout(180_000);
    let actorId: string | null = null;
    if (role) {
      const caller = await createUser({ role });
      await login(caller);
      actorId = caller.id;
    }
    const request = page.request;
    const failures: string[] = [];
    const check = async (
      what: string,
      want: ReturnType<typeof expected>,
      call: () => Promise<APIResponse>,
    ) => {
      if (want === null) return;
      const audited = actorId ? await refusalAuditCount(db, actorId) : 0;
      const response = await call();
      const status = response.status();
      if (want === "sign-in") {
        if (!isSignInRedirect(response)) failures.push(`${what}: ${status}, not sent to sign in`);
        return;
      }
      if (want === "allowed") {
        if (status !== 200) failures.push(`${what}: ${status}, expected 200`);
        return;
      }
      if (status !== want)
        failures.push(
          `${what}: ${status}, expected ${want} ${(await response.text()).slice(0, 600).replace(/\n/g, " ")}`,
        );
      if (actorId && (await refusalAuditCount(db, actorId)) <= audited) failures.push(`${what}: not audited`);
    };

    for (const [route, rule] of Object.entries({ ...ROUTES, ...SERVER_ROUTES })) {
      const url = rule.path?.(owner) ?? route;
      await check(`GET ${url}`, expected(rule, role), () => request.get(url, { maxRedirects: 0 }));
    }
    for (const action of builtActions) {
      const rule: ActionRule = ACTIONS[action.key]!;
      const want = expected(rule, role);
      // Staff actions the role may take are not run: they would really change the owner's account.
      if (want === "allowed") continue;
      const url = action.route.replace(/\[\w+\]/g, randomUUID());
      await check(`action ${action.key}`, want, () =>
        postAction(request, action.id, url, rule.fields?.(owner) ?? {}),
      );
    }
    expect(failures).toEqual([]);
  });
}

// Staff signed in with the password alone (no phone OTP yet) reach no console page, route or action: each
// sends them to register a phone on their staff credential (or is refused), and nothing changes.
for (const role of ROLES.filter((r) => r !== "USER")) {
  test(`${role} with a password-only session: every console page, route and action sends them to the phone step`, async ({
    page,
    login,
  }) => {
    test.setTimeout(180_000);
    const caller = await createUser({ role });
    await login(caller, await createSignedInSession(caller.id));
    const request = page.request;
    const failures: string[] = [];
    const check = async (what: string, call: () => Promise<APIResponse>) => {
      const response = await call();
      const path = redirectPath(response);
      if (response.status() === 403 || (path && /^\/credentials\/[0-9a-f-]{36}\/phones$/.test(path))) return;
      failures.push(`${what}: ${response.status()} ${path ?? ""}`);
    };
    const forRole = (rule: Rule) => rule.access === "roles" && rule.roles.includes(role);
    for (const [route, rule] of Object.entries(ROUTES).filter(([, r]) => forRole(r))) {
      const url = rule.path?.(owner) ?? route;
      await check(`GET ${url}`, () => request.get(url, { maxRedirects: 0 }));
    }
    for (const action of builtActions.filter((a) => forRole(ACTIONS[a.key]!))) {
      const url = action.route.replace(/\[\w+\]/g, randomUUID());
      await check(`action ${action.key}`, () =>
        postAction(request, action.id, url, ACTIONS[action.key]!.fields?.(owner) ?? {}),
      );
    }
    expect(failures).toEqual([]);
  });
}

// A sign-in rotates the browser's state at each step (reliability case A1): the cookies before sign-in,
// after the password and after the phone OTP are three different sets, the password step alone opens no
// page, route or action that needs a session, and the pending sign-in's cookie is worthless once used.
test("a sign-in between the password and the phone step reaches nothing protected; each step changes the cookies and old ones are refused", async ({
  page,
  browser,
  clientIp,
  latestCode,
}) => {
  test.setTimeout(180_000);
  const { user, phones } = await createActiveCredential({ phones: 1 });
  const cookies = () => page.context().cookies();
  const values = async () =>
    Object.fromEntries((await cookies()).map((c) => [c.name, c.value])) as Record<string, string>;

  await page.goto("/sign-in");
  const beforeSignIn = await values();
  await page.getByLabel("Email Address or User ID").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page).toHaveURL(/\/sign-in\/verify$/);
  const afterPassword = await values();
  const pendingJar = await cookies();

  const failures: string[] = [];
  const check = (what: string, response: APIResponse) => {
    const path = redirectPath(response);
    if (path === "/sign-in" || path === "/sign-in/verify" || [401, 403].includes(response.status())) return;
    failures.push(`${what}: ${response.status()} ${path ?? ""}`);
  };
  for (const [route, rule] of Object.entries({ ...ROUTES, ...SERVER_ROUTES })) {
    if (rule.access === "public") continue;
    const url = rule.path?.(owner) ?? route;
    check(`GET ${url}`, await page.request.get(url, { maxRedirects: 0 }));
  }
  for (const action of builtActions) {
    const rule = ACTIONS[action.key]!;
    if (rule.access === "public") continue;
    const url = action.route.replace(/\[\w+\]/g, randomUUID());
    check(`action ${action.key}`, await postAction(page.request, action.id, url, rule.fields?.(owner) ?? {}));
  }
  expect(failures, "protected answers to a password-only sign-in").toEqual([]);

  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByText("We texted a code to your phone.")).toBeVisible();
  await page.getByLabel("Verification").fill(await latestCode(phones[0]!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const afterOtp = await values();

  expect(beforeSignIn[SESSION_COOKIE]).toBeUndefined();
  expect(afterPassword[SESSION_COOKIE], "the password step opens no session").toBeUndefined();
  expect(afterOtp[SESSION_COOKIE]).toBeTruthy();
  const states = [beforeSignIn, afterPassword, afterOtp].map((jar) => JSON.stringify(jar));
  expect(new Set(states).size, "three different cookie sets").toBe(3);
  expect(Object.keys(afterPassword).filter((name) => afterOtp[name] === afterPassword[name])).toEqual([]);

  // The pending sign-in's cookies, replayed once it has completed: no code page and no dashboard.
  const replay = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });
  await replay.addCookies(pendingJar);
  const other = await replay.newPage();
  await other.goto("/sign-in/verify");
  await expect(other).toHaveURL(/\/sign-in\?expired=1$/);
  await other.goto("/dashboard");
  await expect(other).toHaveURL(/\/sign-in$/);
  await replay.close();
});

// Another site cannot make a signed-in browser change anything: every form action and every state-changing
// route handler refuses a request from a foreign Origin, or one the browser marks cross-site, with 403.
test("a signed-in user's browser posting from another site: every action and route handler answers 403", async ({
  page,
  login,
}) => {
  test.setTimeout(180_000);
  const caller = await createUser({ role: "ADMIN" });
  await login(caller);
  const request = page.request;
  const failures: string[] = [];
  const foreign: Record<string, string>[] = [
    { origin: "https://evil.example" },
    { "sec-fetch-site": "cross-site" },
  ];
  const check = async (what: string, response: APIResponse) => {
    const body = await response.text();
    if (response.status() !== 403 || !body.includes("request.cross_site"))
      failures.push(`${what}: ${response.status()} ${body.slice(0, 200)}`);
  };
  for (const action of builtActions) {
    const url = action.route.replace(/\[\w+\]/g, randomUUID());
    const fields = ACTIONS[action.key]!.fields?.(owner) ?? {};
    for (const headers of foreign)
      await check(
        `action ${action.key} ${JSON.stringify(headers)}`,
        await postAction(request, action.id, url, fields, headers),
      );
  }
  for (const route of [...builtRoutes.filter((r) => r.startsWith("/api/")), ...Object.keys(SERVER_ROUTES)]) {
    for (const headers of foreign) {
      const response = await request.post(route, { headers, data: {}, maxRedirects: 0 });
      await check(`POST ${route} ${JSON.stringify(headers)}`, response);
    }
  }
  expect(failures).toEqual([]);
});
