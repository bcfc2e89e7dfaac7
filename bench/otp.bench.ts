// `npm run bench:otp`: the phone OTP sign-in under load, against the production build and real PostgreSQL,
// next to a bare floor (bench/otp-floor-server.ts) doing only each scenario's minimum database work with the
// same argon2id cost. 32 clients, 10 s per scenario; rate limits and audit stay on (each request comes from
// its own address through X-Forwarded-For, as behind a load balancer). Same-box figures: 2 cores shared by
// the load generator, Node and PostgreSQL.
/* eslint-disable no-restricted-properties, @typescript-eslint/no-restricted-imports -- a benchmark seeds its own data */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { hashPassword } from "@/lib/accounts/password";
import { encrypt } from "@/lib/core/crypto";
import { db } from "@/lib/core/db";
import { phoneFingerprint } from "@/lib/otp/service";
import { startLoginChallenge } from "@/lib/sessions/service";

process.env.LOG_LEVEL = "silent";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const USERS = 4000;
const FULL_FROM = 3000;
const PASSWORD = "correct-horse-battery-staple";
const PORTAL = "http://127.0.0.1:3400";
const FLOOR = "http://127.0.0.1:3401";

let ipCounter = 0;
const nextIp = () => {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

async function post(
  base: string,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": nextIp() },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

type Result = { label: string; rps: number; p50: number; p95: number; p99: number; errors: number };

/** Runs `op` from CLIENTS concurrent clients for SECONDS; op returns false (or throws) for an error. */
async function load(label: string, op: (i: number) => Promise<boolean>, limit = Infinity): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline && next < limit) {
        const i = next++;
        const t0 = performance.now();
        const ok = await op(i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const s = latencies.sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
  return { label, rps: (s.length - errors) / elapsed, p50: at(50), p95: at(95), p99: at(99), errors };
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { env, stdio: ["ignore", "ignore", "inherit"] });
}

async function waitFor(url: string) {
  for (let i = 0; i < 120; i += 1) {
    if (
      await fetch(url)
        .then((r) => r.status < 500)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

async function seed() {
  await db().$executeRawUnsafe(
    "TRUNCATE users, sessions, login_challenges, one_time_codes, otp_guards, phone_numbers, credentials, license_keys, orders, products, outbox_messages, audit_events, rate_limits CASCADE",
  );
  const passwordHash = await hashPassword(PASSWORD);
  const ids = Array.from({ length: USERS }, () => randomUUID());
  await db().user.createMany({
    data: ids.map((id, i) => ({
      id,
      email: `otp-${i}@example.test`,
      username: `otp-${i}`,
      firstName: "Bench",
      lastName: `User${i}`,
      country: "US",
      passwordHash,
      emailVerifiedAt: new Date(),
    })),
  });
  const product = await db().product.create({
    data: {
      sku: "BENCH",
      name: "Bench OTP",
      description: "bench",
      kind: "CREDENTIAL",
      includesProofing: false,
      termMonths: 12,
      priceCents: 3400,
      currency: "usd",
    },
  });
  const order = await db().order.create({
    data: { userId: ids[0]!, productId: product.id, amountCents: 3400, currency: "usd", status: "PAID" },
  });
  const keyIds = ids.map(() => randomUUID());
  await db().licenseKey.createMany({
    data: keyIds.map((id) => ({
      id,
      orderId: order.id,
      keyHash: randomUUID(),
      hint: "BNCH",
      status: "ACTIVATED" as const,
    })),
  });
  const credentialIds = ids.map(() => randomUUID());
  const expiresAt = new Date(Date.now() + 365 * 86_400_000);
  await db().credential.createMany({
    data: ids.map((userId, i) => ({
      id: credentialIds[i]!,
      userId,
      productId: product.id,
      licenseKeyId: keyIds[i]!,
      status: "ACTIVE" as const,
      proofingRequired: false,
      activatedAt: new Date(),
      expiresAt,
    })),
  });
  const phones = ids.map((userId, i) => {
    const e164 = `+1202${300 + Math.floor(i / 10_000)}${String(i % 10_000).padStart(4, "0")}`;
    return { id: randomUUID(), userId, credentialId: credentialIds[i]!, e164 };
  });
  await db().phoneNumber.createMany({
    data: phones.map((p) => ({
      id: p.id,
      userId: p.userId,
      credentialId: p.credentialId,
      e164Encrypted: encrypt(p.e164),
      e164Fingerprint: phoneFingerprint(p.e164),
      country: "US",
      lastDigits: p.e164.slice(-2),
      isDefault: true,
      verifiedAt: new Date(),
    })),
  });
  return { ids, phones };
}

async function latestCodes(): Promise<Map<string, string>> {
  const rows = await db().$queryRaw<{ to: string; body: string }[]>`
    SELECT DISTINCT ON ("to") "to", body FROM outbox_messages ORDER BY "to", id DESC`;
  return new Map(rows.map((r) => [r.to, /\d{6}/.exec(r.body)?.[0] ?? ""]));
}

async function latestCode(e164: string): Promise<string> {
  const row = await db().outboxMessage.findFirst({
    where: { to: e164 },
    orderBy: { id: "desc" },
    select: { body: true },
  });
  return /\d{6}/.exec(row?.body ?? "")?.[0] ?? "";
}

async function main() {
  if (!existsSync(".next/BUILD_ID") || !existsSync("dist/server.js"))
    throw new Error("Run `npm run build` first: the bench drives the production build.");
  const { ids, phones } = await seed();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    MAG_DEMO: "true",
    PORT: "3400",
    TRUST_PROXY_HOPS: "1",
    // As in production: an access-log line per request (to a file here, as a log shipper would read it).
    LOG_LEVEL: "info",
    LOG_FILE: ".data/bench/portal.log",
    APP_URL: PORTAL,
  };
  // BENCH_PROFILE_DIR=dir writes a V8 CPU profile of the portal process there (not of the floor).
  const profile = process.env.BENCH_PROFILE_DIR
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}` }
    : {};
  const portal = start("node", ["dist/server.js"], { ...env, ...profile });
  const floor = start("tsx", ["bench/otp-floor-server.ts"], { ...env, FLOOR_PORT: "3401" });
  try {
    await waitFor(`${PORTAL}/sign-in`);
    await waitFor(`${FLOOR}/`);
    const results: [Result, Result][] = [];

    // Password sign-in (users with a credential: answered with a pending sign-in).
    const signIn = (base: string, path: string) => (i: number) =>
      post(base, path, { login: `otp-${i % FULL_FROM}@example.test`, password: PASSWORD }).then(
        (r) => r.json.status === "otp_required",
      );
    const portalSignIn = await load("password sign-in", signIn(PORTAL, "/api/v1/sign-in"));
    const floorSignIn = await load("password sign-in", signIn(FLOOR, "/signin"));
    results.push([portalSignIn, floorSignIn]);

    // OTP send: one pending sign-in per user, each phone texted once (per-number limits stay on).
    const now = new Date();
    const challenges = await Promise.all(
      ids.slice(0, FULL_FROM).map((id) => startLoginChallenge(id, { ip: null, userAgent: "bench" }, now)),
    );
    const floorChallenges = (
      await db().$queryRaw<{ id: string }[]>`
        INSERT INTO login_challenges (id, "userId", "passwordAt", "expiresAt")
        SELECT gen_random_uuid(), id, now(), now() + interval '10 minutes' FROM users WHERE email LIKE 'otp-%' ORDER BY email LIMIT ${FULL_FROM}
        RETURNING id`
    ).map((r) => r.id);
    const sent: number[] = [];
    const portalSend = await load(
      "OTP send",
      async (i) => {
        const r = await post(PORTAL, "/api/v1/sign-in/otp/send", {
          challenge: challenges[i],
          phoneId: phones[i]!.id,
          channel: "SMS",
        });
        if (r.json.status === "code_sent") sent.push(i);
        return r.json.status === "code_sent";
      },
      FULL_FROM,
    );

    // OTP verify: the right code for each pending sign-in that got one.
    const codes = await latestCodes();
    const portalVerify = await load(
      "OTP verify",
      (i) =>
        post(PORTAL, "/api/v1/sign-in/otp/verify", {
          challenge: challenges[sent[i]!],
          code: codes.get(phones[sent[i]!]!.e164),
        }).then((r) => r.json.status === "authenticated"),
      sent.length,
    );
    // The floor writes the same code rows, so it runs only after the portal's codes are verified.
    const floorCodes = new Map<number, string>();
    const floorSend = await load(
      "OTP send",
      async (i) => {
        const r = await post(FLOOR, "/send", { challenge: floorChallenges[i] });
        if (typeof r.json.code === "string") floorCodes.set(i, r.json.code);
        return r.json.status === "code_sent";
      },
      FULL_FROM,
    );
    results.push([portalSend, floorSend]);
    const floorSent = [...floorCodes.keys()];
    const floorVerify = await load(
      "OTP verify",
      (i) =>
        post(FLOOR, "/verify", {
          challenge: floorChallenges[floorSent[i]!],
          code: floorCodes.get(floorSent[i]!),
        }).then((r) => r.json.status === "authenticated"),
      floorSent.length,
    );
    results.push([portalVerify, floorVerify]);

    // The full sign-in: password, text, the code read back, verify.
    const portalFull = await load(
      "full sign-in",
      async (i) => {
        const u = FULL_FROM + i;
        const step1 = await post(PORTAL, "/api/v1/sign-in", {
          login: `otp-${u}@example.test`,
          password: PASSWORD,
        });
        const challenge = step1.json.challenge as string;
        const step2 = await post(PORTAL, "/api/v1/sign-in/otp/send", {
          challenge,
          phoneId: phones[u]!.id,
          channel: "SMS",
        });
        if (step2.json.status !== "code_sent") return false;
        const step3 = await post(PORTAL, "/api/v1/sign-in/otp/verify", {
          challenge,
          code: await latestCode(phones[u]!.e164),
        });
        return step3.json.status === "authenticated";
      },
      USERS - FULL_FROM,
    );
    const floorFull = await load(
      "full sign-in",
      async (i) => {
        const step1 = await post(FLOOR, "/signin", {
          login: `otp-${FULL_FROM + i}@example.test`,
          password: PASSWORD,
        });
        const step2 = await post(FLOOR, "/send", { challenge: step1.json.challenge });
        const step3 = await post(FLOOR, "/verify", {
          challenge: step1.json.challenge,
          code: step2.json.code,
        });
        return step3.json.status === "authenticated";
      },
      USERS - FULL_FROM,
    );
    results.push([portalFull, floorFull]);

    const f = (n: number) => n.toFixed(1).padStart(7);
    console.log(`\n${CLIENTS} clients, ${SECONDS} s per scenario (same box)\n`);
    console.log(
      "scenario           portal req/s  p50    p95    p99   errors | floor req/s  p50    p95    p99  | ratio",
    );
    for (const [p, fl] of results) {
      console.log(
        `${p.label.padEnd(18)} ${f(p.rps)} ${f(p.p50)} ${f(p.p95)} ${f(p.p99)} ${String(p.errors).padStart(6)} | ${f(fl.rps)} ${f(fl.p50)} ${f(fl.p95)} ${f(fl.p99)} | ${(p.rps / fl.rps).toFixed(2)}`,
      );
    }
  } finally {
    portal.kill("SIGTERM");
    floor.kill("SIGTERM");
    await db().$disconnect();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
