import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { createActiveCredential } from "../factories/credential";
import { TEST_PASSWORD } from "../factories/user";
import { postTo, withApiV1Server } from "../setup/api-v1-server";
import { db, resetDb } from "../setup/db";

// Reliability case I2 over HTTP: hostile bodies to every endpoint of the sign-in API are answered 4xx, never
// 5xx, and change nothing (no session, pending sign-in or code). The schemas themselves meet 5,000 values
// per field in tests/unit/schema-fuzz.test.ts; here each endpoint gets RUNS whole requests.

const RUNS = 1_000;
const apiBase = withApiV1Server();
beforeEach(resetDb);

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\u0000",
    "../../x",
    "__proto__",
    "9".repeat(300),
  ),
  fc.oneof(fc.integer(), fc.double()),
  fc.constantFrom(null, true, [], {}, ["SMS"]),
  fc.object({ maxDepth: 1 }),
);

/** A whole body: the endpoint's fields with hostile values, any JSON at all, or text that is not JSON. */
const bodies = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(
    { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 6 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
    { arbitrary: fc.string({ maxLength: 80 }), weight: 1 },
  );

async function state() {
  return {
    sessions: await db().session.count(),
    challenges: await db().loginChallenge.count(),
    codes: await db().oneTimeCode.count(),
    users: await db().user.count(),
  };
}

describe("hostile requests to the sign-in API", () => {
  it("are refused with 4xx, never 5xx, and change nothing", { timeout: 120_000 }, async () => {
    const { user, phones } = await createActiveCredential();
    // A real pending sign-in, so that the later steps are reached with hostile values too.
    const step1 = await postTo(apiBase(), "/api/v1/sign-in", { login: user.email, password: TEST_PASSWORD });
    const { challenge } = (await step1.json()) as { challenge: string };
    const before = await state();
    const endpoints: [string, Record<string, fc.Arbitrary<unknown>>][] = [
      ["/api/v1/sign-in", { login: fc.oneof(hostile, fc.constant(user.email)), password: hostile }],
      [
        "/api/v1/sign-in/otp/send",
        {
          challenge: fc.oneof(hostile, fc.constant(challenge)),
          phoneId: fc.oneof(hostile, fc.constant(phones[0]!.id)),
          channel: hostile,
        },
      ],
      ["/api/v1/sign-in/otp/verify", { challenge: fc.oneof(hostile, fc.constant(challenge)), code: hostile }],
    ];
    const statuses = new Map<number, number>();
    for (const [path, fields] of endpoints) {
      await fc.assert(
        fc.asyncProperty(bodies(fields), async (body) => {
          const response = await postTo(
            apiBase(),
            path,
            typeof body === "string" ? body : JSON.stringify(body),
          );
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
          expect(response.headers.get("set-cookie")).toBeNull();
        }),
        { numRuns: RUNS },
      );
    }
    expect(await state()).toEqual(before);
    // Most are refused by the schema; some reach the services (wrong password, unknown challenge, limits).
    expect(statuses.get(400)).toBeGreaterThan(RUNS);
  });
});
