// Two portal processes of this build and one job worker on one database, behind a round-robin proxy: the
// topology of compose.yaml without containers. Everything a request needs must be shared (sessions, sign-in
// challenges, rate limits, photos in the S3 bucket, jobs), and a portal stopping mid-traffic loses nothing.
import type { ChildProcess } from "node:child_process";
import { startBuiltProcess } from "../setup/built-process";
import { createActivatedCredential, createActiveCredential } from "../factories/credential";
import { expect, test } from "./fixtures";
import { freePort, stopGroup } from "./processes";
import { captureOnPhone, expectProofed, proveIdentity } from "./proofing-helpers";
import { phoneNumbers } from "./phone-helpers";
import { startProxy, type Proxy } from "./round-robin-proxy";
import { WITH_PROOFING } from "./store-helpers";
import { DEMO_PASSWORD } from "./fixtures";

test.describe.configure({ mode: "serial", timeout: 180_000 });

let proxy: Proxy;
let ports: number[];
const portals: ChildProcess[] = [];
const workers: ChildProcess[] = [];

/** A portal or worker of this build behind the proxy. */
function startProcess(entry: "server" | "worker", env: Record<string, string>): ChildProcess {
  // The proxy checks readiness every 100 ms.
  return startBuiltProcess(entry, {
    APP_URL: proxy.url,
    TRUST_PROXY_HOPS: "1",
    SHUTDOWN_GRACE_MS: "1000",
    ...env,
  });
}

async function ready(port: number) {
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${port}/api/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      {
        timeout: 60_000,
      },
    )
    .toBe(200);
}

test.beforeAll(async () => {
  ports = [await freePort(), await freePort()];
  proxy = await startProxy(ports);
  for (const port of ports) portals.push(startProcess("server", { PORT: String(port) }));
  await Promise.all(ports.map(ready));
});

test.afterAll(async () => {
  for (const child of [...portals, ...workers]) if (child.exitCode === null) stopGroup(child);
  await proxy?.close();
});

/** POSTs JSON through the proxy as one client (its own address, its cookies). */
function client(ip: string) {
  const cookies = new Map<string, string>();
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${proxy.url}${path}`, {
      method,
      redirect: "manual",
      headers: {
        "x-forwarded-for": ip,
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, value] = pair!.split("=");
      cookies.set(name!, value!);
    }
    return response;
  };
  return {
    get: (path: string) => call("GET", path),
    post: (path: string, body: unknown) => call("POST", path, body),
  };
}

const backendOf = (path: string) => proxy.served.filter((s) => s.path === path).map((s) => s.backend);

test("a sign-in started on one portal finishes on the other, and a phone's send limit holds across both", async ({
  outbox,
}) => {
  const { user, phones } = await createActiveCredential();
  const phone = phones[0]!;
  const alice = client("198.51.100.61");
  proxy.pick = undefined; // round-robin: each request goes to the other portal

  const password = await alice.post("/api/v1/sign-in", { login: user.email, password: DEMO_PASSWORD });
  const { challenge } = (await password.json()) as { challenge: string };
  expect(challenge).toBeTruthy();
  const sent = await alice.post("/api/v1/sign-in/otp/send", { challenge, phoneId: phone.id, channel: "SMS" });
  expect(sent.status).toBe(200);
  // The second code within 30 s is refused, whichever portal is asked.
  const again = await alice.post("/api/v1/sign-in/otp/send", {
    challenge,
    phoneId: phone.id,
    channel: "SMS",
  });
  expect(again.status).toBe(429);
  const sends = backendOf("/api/v1/sign-in/otp/send");
  expect(new Set(sends).size).toBe(2);

  const message = await outbox.latest(phone.e164, (m) => m.channel === "sms");
  const code = /\d{6}/.exec(message.body)![0];
  const verified = await alice.post("/api/v1/sign-in/otp/verify", { challenge, code });
  expect(await verified.json()).toMatchObject({ status: "authenticated" });
  expect(backendOf("/api/v1/sign-in")).not.toEqual(backendOf("/api/v1/sign-in/otp/verify"));
  // The session works on both portals.
  for (let i = 0; i < 2; i++)
    expect(await (await alice.get("/dashboard")).text()).toContain("My 2FA Credentials");
  expect(new Set(backendOf("/dashboard")).size).toBe(2);
});

test("photos taken through one portal are read by the other for the decision, and purged from the bucket after retention", async ({
  page,
  browser,
  clientIp,
  login,
  outbox,
  sql,
}, testInfo) => {
  // The phone's pages (/proof/…) go to portal 0; everything else to portal 1.
  proxy.pick = (req) => (req.url?.startsWith("/proof/") ? 0 : 1);
  const { user } = await createActivatedCredential({ withProofing: true });
  await login(user);
  await page.goto(`${proxy.url}/dashboard`);
  await page.getByRole("link", { name: WITH_PROOFING }).click();
  await page.getByRole("link", { name: "Start Identity Proofing" }).click();
  const [mobile] = phoneNumbers(1);
  // An SSN proofed on one account is refused on another: an identity of its own (one per attempt).
  await proveIdentity(page, `${345 + testInfo.retry}-67-6789`, mobile!.typed);
  const { phone } = await captureOnPhone(browser, clientIp, outbox, mobile!.e164);
  await phone.close();
  await expectProofed(page, outbox, user.email);
  const uploads = proxy.served.filter((s) => s.method === "POST" && s.path.startsWith("/proof/"));
  expect(uploads.length).toBeGreaterThan(0);
  expect(uploads.every((s) => s.backend === 0)).toBe(true);

  // Thirty days on, the job runner deletes them from the bucket: the worker started now runs its upkeep at once.
  const caseId = (
    (await sql(`SELECT id FROM proofing_cases WHERE "userId" = $1`, [user.id])) as { id: string }[]
  )[0]!.id;
  const images = (await sql(`SELECT "storageKey" FROM proofing_images WHERE "caseId" = $1`, [caseId])) as {
    storageKey: string;
  }[];
  expect(images).toHaveLength(3);
  await sql(`UPDATE proofing_cases SET "decidedAt" = now() - interval '31 days' WHERE id = $1`, [caseId]);
  workers.push(startProcess("worker", {}));
  // The minutely upkeep, due now rather than within the minute.
  await sql(`UPDATE jobs SET "runAt" = '2000-01-01' WHERE kind = 'upkeep.proofing' AND "doneAt" IS NULL`);
  await expect
    .poll(async () => (await sql(`SELECT 1 FROM proofing_images WHERE "caseId" = $1`, [caseId])).length, {
      timeout: 60_000,
    })
    .toBe(0);
  // eslint-disable-next-line no-restricted-properties -- the loopback bucket scripts/test-e2e.ts started
  const bucket = `${process.env.S3_ENDPOINT}/${process.env.S3_BUCKET}/proofing-images/`;
  for (const { storageKey } of images) expect((await fetch(`${bucket}${storageKey}`)).status).toBe(404);
});

test("each job runs exactly once with two workers polling one queue", async ({ sql }) => {
  workers.push(startProcess("worker", {}));
  // Reminders for activation codes that do not exist: a real job kind whose run changes nothing.
  await sql(
    `INSERT INTO jobs (kind, payload, "runAt")
     SELECT 'activation_code.expiry_reminder', jsonb_build_object('codeId', gen_random_uuid(), 'daysLeft', 7, 'batch', 'scale-out'), '2000-01-01'
     FROM generate_series(1, 60)`,
  );
  const batch = () =>
    sql(
      `SELECT attempts, "doneAt" IS NOT NULL AS done FROM jobs WHERE payload->>'batch' = 'scale-out'`,
    ) as Promise<{ attempts: number; done: boolean }[]>;
  await expect.poll(async () => (await batch()).filter((j) => j.done).length, { timeout: 30_000 }).toBe(60);
  // Attempts count claims: one each means no job was ever taken by two runners.
  expect((await batch()).every((j) => j.attempts === 1)).toBe(true);
});

test("a portal stopped mid-traffic (SIGTERM) finishes what it took; the proxy sends the rest to the other", async () => {
  proxy.pick = undefined;
  const statuses: number[] = [];
  const one = async (i: number) => {
    const response =
      i % 3 === 0
        ? await fetch(`${proxy.url}/api/v1/sign-in`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${(i % 200) + 1}` },
            body: JSON.stringify({ login: `nobody-${i}`, password: "not the password" }),
          })
        : await fetch(`${proxy.url}/sign-in`, { headers: { "x-forwarded-for": "203.0.113.250" } });
    await response.arrayBuffer();
    statuses.push(response.status);
  };
  // Six clients send for 3 s after portal 0 is told to stop, at the 60th request.
  let sent = 0;
  let stoppedAt = 0;
  const clients = Array.from({ length: 6 }, async () => {
    while (!stoppedAt || Date.now() < stoppedAt + 3_000) {
      const i = sent++;
      if (i === 60) {
        stoppedAt = Date.now();
        portals[0]!.kill("SIGTERM");
      }
      await one(i);
    }
  });
  await Promise.all(clients);
  expect(statuses.length).toBeGreaterThan(100);
  expect(statuses.filter((s) => s !== 200 && s !== 401)).toEqual([]);
  // Portal 0 drained and exited by itself; once out of rotation, portal 1 answered everything.
  await expect.poll(() => portals[0]!.exitCode, { timeout: 40_000 }).toBe(0);
  const late = proxy.served.filter((s) => s.at > stoppedAt + 500);
  expect(late.length).toBeGreaterThan(0);
  expect(late.every((s) => s.backend === 1)).toBe(true);
});
