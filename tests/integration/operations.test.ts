import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { enqueueJob } from "@/lib/jobs/queue";
import { opsEndpoints, type OpsState } from "@/lib/ops/endpoints";
import { checkReadiness, shippedMigrations } from "@/lib/ops/health";
import { observeRequest } from "@/lib/ops/metrics";
import { beginRequest } from "@/lib/ops/request-log";
import { startPhoneRegistration } from "@/lib/phones/service";
import { createActivatedCredential, nextPhone, phoneForm, sessionOf } from "../factories/credential";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { useTestClock } from "../setup/clock";
import { resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";

const TOKEN = "metrics-token-0123456789";
let server: Server | undefined;

/** The operations endpoints as server.ts puts them in front of the app (which answers 404 here). */
async function serve(state: OpsState, metricsToken?: string): Promise<string> {
  const answerOps = opsEndpoints(state, { metricsToken });
  server = createServer((req, res) => {
    if (answerOps(req, res)) return;
    beginRequest(req, res, false, observeRequest);
    res.writeHead(req.url?.startsWith("/sign-in") ? 200 : 404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(resetDb);
afterEach(async () => {
  vi.useRealTimers();
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

describe("health and readiness", () => {
  it("/api/health answers while the process is up; /api/ready checks the database and migrations", async () => {
    const base = await serve({ draining: false });
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: { database: { ok: true }, migrations: { ok: true } },
    });
    expect((await fetch(`${base}/api/ready`, { method: "POST" })).status).toBe(405);
  });

  it("an instance newer than its database (a migration not applied) is not ready, and says what to run", async () => {
    const readiness = await checkReadiness([...shippedMigrations(), "20991231000000_from_the_future"]);
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.migrations).toEqual({
      ok: false,
      detail: "1 migration(s) not applied: run npm run db:migrate",
    });
  });

  it("a configured store that does not answer makes the instance not ready", async () => {
    const readiness = await checkReadiness(shippedMigrations(), {
      objectStore: () => Promise.reject(new Error("connect ECONNREFUSED")),
    });
    expect(readiness).toMatchObject({
      ready: false,
      checks: { objectStore: { ok: false, detail: "unreachable" } },
    });
  });

  it("a draining instance is not ready, so the load balancer stops sending to it", async () => {
    const state = { draining: false };
    const base = await serve(state);
    state.draining = true;
    const ready = await fetch(`${base}/api/ready`);
    expect([ready.status, await ready.json()]).toEqual([503, { status: "draining" }]);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});

describe("requests", () => {
  it("each answer carries its own request id", async () => {
    const base = await serve({ draining: false });
    const [a, b] = [await fetch(`${base}/sign-in`), await fetch(`${base}/sign-in`)];
    expect(a.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });
});

describe("metrics", () => {
  it("are off without METRICS_TOKEN, and ask for it as a bearer token when on", async () => {
    const off = await serve({ draining: false });
    expect((await fetch(`${off}/api/metrics`)).status).toBe(404);
    await new Promise((resolve) => server!.close(resolve));
    const on = await serve({ draining: false }, TOKEN);
    const anonymous = await fetch(`${on}/api/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const wrong = await fetch(`${on}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("mag_");
  });

  it("count requests by route with ids masked, OTP sends by result, the job queue and the pools", async () => {
    const clock = useTestClock();
    const base = await serve({ draining: false }, TOKEN);
    await fetch(`${base}/sign-in?token=secret-in-a-query-string`);
    await fetch(`${base}/no/such/page/8f14e45fceea167a5a36dedd4bea2543`);
    await enqueueJob("test.job", {}, { runAt: new Date() });
    const { user, credentialId } = await createActivatedCredential({ now: clock.now() });
    const session = await sessionOf(await createSignedInSession(user.id, clock.now()), clock.now());
    const phone = nextPhone();
    const start = () =>
      startPhoneRegistration(
        session,
        phoneForm(credentialId, phone, "SMS", "US"),
        fromIp("203.0.113.7"),
        clock.now(),
      );
    await start();
    await expectDomainError(start(), "otp.send_limited");

    const text = await (
      await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    expect(text).toMatch(/mag_http_requests_total\{method="GET",route="\/sign-in",status="200"\} [1-9]/);
    expect(text).toMatch(/mag_http_requests_total\{method="GET",route="unmatched",status="404"\} [1-9]/);
    expect(text).not.toContain("secret-in-a-query-string");
    expect(text).not.toContain("8f14e45f");
    expect(text).toMatch(/mag_otp_sends_total\{channel="SMS",result="sent"\} [1-9]/);
    expect(text).toMatch(/mag_otp_sends_total\{channel="SMS",result="refused"\} [1-9]/);
    expect(text).toMatch(/mag_jobs\{state="pending"\} [1-9]/);
    expect(text).toMatch(/mag_db_pool_connections\{pool="sql",state="total"\} [1-9]/);
  });
});
