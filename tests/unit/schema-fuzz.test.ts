import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as accounts from "@/lib/accounts/schemas";
import * as admin from "@/lib/admin/schemas";
import * as audit from "@/lib/audit/schemas";
import * as licensing from "@/lib/licensing/schemas";
import * as messaging from "@/lib/messaging/schemas";
import * as oidc from "@/lib/oidc/schemas";
import * as payments from "@/lib/payments/schemas";
import * as phones from "@/lib/phones/schemas";
import * as proofing from "@/lib/proofing/schemas";
import * as recovery from "@/lib/recovery/schemas";
import * as store from "@/lib/store/schemas";

// Reliability case I2: every input schema of the portal (each form and API body is parsed by one of these)
// meets hostile input with a refusal, never a throw (which the portal would answer 500), and accepts no
// string longer than a form could mean. Each run gives every field of the schema a new value, so each field
// sees RUNS values.

const RUNS = 5_000;
/** The longest text any field may keep (the longest is a free-text staff reason or a URL list). */
const LONGEST_ACCEPTED = 4_096;

const modules = {
  accounts,
  admin,
  audit,
  licensing,
  messaging,
  oidc,
  payments,
  phones,
  proofing,
  recovery,
  store,
};
const schemas = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${module}.${name}`, schema })),
);

/** The field names an object schema (possibly wrapped in pipes, refinements, unions) reads. */
function fieldsOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.keys(def.shape as object);
    case "pipe":
      return [...new Set([...fieldsOf(def.in as z.ZodType), ...fieldsOf(def.out as z.ZodType)])];
    case "union":
      return [...new Set((def.options as z.ZodType[]).flatMap(fieldsOf))];
    case "optional":
    case "nullable":
    case "default":
      return fieldsOf(def.innerType as z.ZodType);
    default:
      return [];
  }
}

const payloads = fc.constantFrom(
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  "../../../../etc/passwd",
  "%00",
  "\u0000",
  "user\u0000@example.com",
  "\r\nSet-Cookie: x=1",
  "${7*7}{{7*7}}",
  "__proto__",
  "constructor",
  "𝕏".repeat(300),
  "\u202e\u200b\ufeff",
  "9".repeat(400),
  "-1",
  "NaN",
  "1e309",
);

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.string({ unit: "binary", maxLength: 80 }), weight: 4 },
  { arbitrary: payloads, weight: 4 },
  { arbitrary: fc.nat({ max: 4_000 }).map((n) => "é".repeat(4_097 + n)), weight: 1 },
  { arbitrary: fc.constant("A".repeat(1_000_000)), weight: 1 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, ["a", "b"]), weight: 1 },
  { arbitrary: fc.object({ maxDepth: 2 }), weight: 1 },
);

/** Every string in a parsed value, however deep. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

describe("every input schema under hostile values", () => {
  it("finds the portal's schemas and their fields", () => {
    expect(schemas.length).toBeGreaterThan(50);
    expect(fieldsOf(accounts.SignUpInputSchema)).toEqual(
      expect.arrayContaining(["email", "password", "country"]),
    );
    expect(fieldsOf(store.SubmitPaymentInputSchema)).toEqual(
      expect.arrayContaining(["cardNumber", "orderId"]),
    );
  });

  it.each(schemas)(
    "$name refuses cleanly and keeps no over-long text or NUL",
    { timeout: 30_000 },
    ({ schema }) => {
      const fields = fieldsOf(schema);
      const input = fields.length
        ? fc.record(Object.fromEntries(fields.map((f) => [f, hostile])), { requiredKeys: [] })
        : hostile;
      fc.assert(
        fc.property(input, (value) => {
          const result = schema.safeParse(value);
          if (!result.success) {
            expect(result.error.issues.length).toBeGreaterThan(0);
            return;
          }
          for (const text of stringsIn(result.data)) {
            expect(text.length).toBeLessThanOrEqual(LONGEST_ACCEPTED);
            // PostgreSQL cannot store or compare a NUL character: the query would fail with a 500.
            expect(text).not.toContain("\u0000");
          }
        }),
        { numRuns: RUNS },
      );
    },
  );
});
