// `npm run bench:otp`: the phone OTP sign-in under load, against the production build and real PostgreSQL,
// next to a bare floor (bench/otp-floor-server.ts) doing only each scenario's minimum database work with the
// same argon2id cost. 32 clients, 10 s per scenario; rate limits and audit stay on (each request comes from
// its own address through X-Forwarded-For, as behind a load balancer). Same-box figures: 2 cores shared by
// the load generator, Node and PostgreSQL.
/* eslint-disable no-restricted-properties, @typescript-eslint/no-restricted-imports -- a benchmark seeds its own data */
import { db } from "@/lib/core/db";
import { startLoginChallenge } from "@/lib/sessions/service";
import { post, waitFor } from "./support/http";
import { latestCode, latestCodes, PASSWORD, seedPhoneUsers } from "./support/phone-users";
import { portalEnv, requireBuild, start } from "./support/portal";
import { closedLoop } from "./support/rate";
import { summarize } from "./support/stats";

process.env.LOG_LEVEL = "silent";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const USERS = 4000;
const FULL_FROM = 3000;
const PORTAL = "http://127.0.0.1:3400";
const FLOOR = "http://127.0.0.1:3401";

type Result = { label: string; rps: number; p50: number; p95: number; p99: number; errors: number };

/** Runs `op` from CLIENTS concurrent clients for SECONDS; op returns false (or throws) for an error. */
async function load(label: string, op: (i: number) => Promise<boolean>, limit = Infinity): Promise<Result> {
  const run = await closedLoop(CLIENTS, SECONDS, async (i) => ({ status: 200, ok: await op(i) }), limit);
  const { count, errors, p50, p95, p99 } = summarize(run.samples);
  return { label, rps: (count - errors) / run.elapsed, p50, p95, p99, errors };
}

async function main() {
  requireBuild();
  const users = await seedPhoneUsers(USERS);
  const ids = users.map((u) => u.id);
  const phones = users.map((u) => ({ id: u.phoneId, e164: u.e164 }));
  const env = portalEnv(3400);
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
      post(base, path, { login: `bench-${i % FULL_FROM}@example.test`, password: PASSWORD }).then(
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
        SELECT gen_random_uuid(), id, now(), now() + interval '10 minutes' FROM users WHERE email LIKE 'bench-%' ORDER BY email LIMIT ${FULL_FROM}
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
          login: `bench-${u}@example.test`,
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
          login: `bench-${FULL_FROM + i}@example.test`,
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
