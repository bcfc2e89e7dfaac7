// Benchmark users who sign in with password and phone OTP: `bench-<i>@example.test`, each with an ACTIVE
// credential and one verified phone (numbers sealed and fingerprinted with the portal's own functions).
/* eslint-disable @typescript-eslint/no-restricted-imports -- a benchmark seeds its own data */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { hashPassword } from "@/lib/accounts/password";
import { encrypt } from "@/lib/core/crypto";
import { db } from "@/lib/core/db";
import { phoneFingerprint } from "@/lib/otp/service";
import { type Outcome } from "./rate";
import { post } from "./http";
import { truncate } from "../../tests/setup/db";

export const PASSWORD = "correct-horse-battery-staple";
export type PhoneUser = { id: string; email: string; phoneId: string; e164: string };

const BATCH = 2_000;

/** Empties the tables a sign-in touches and creates `count` phone users. */
export async function seedPhoneUsers(count: number): Promise<PhoneUser[]> {
  await truncate(
    "users sessions login_challenges one_time_codes otp_guards phone_numbers credentials license_keys orders products outbox_messages audit_events rate_limits processed_stripe_events".split(
      " ",
    ),
  );
  const passwordHash = await hashPassword(PASSWORD);
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
  const users: PhoneUser[] = [];
  for (let from = 0; from < count; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => {
      const i = from + k;
      return {
        id: randomUUID(),
        email: `bench-${i}@example.test`,
        i,
        keyId: randomUUID(),
        credentialId: randomUUID(),
        phoneId: randomUUID(),
        e164: `+1202${300 + Math.floor(i / 10_000)}${String(i % 10_000).padStart(4, "0")}`,
      };
    });
    await db().user.createMany({
      data: batch.map((u) => ({
        id: u.id,
        email: u.email,
        username: `bench-${u.i}`,
        firstName: "Bench",
        lastName: `User${u.i}`,
        country: "US",
        passwordHash,
        emailVerifiedAt: new Date(),
      })),
    });
    const order = await db().order.create({
      data: {
        userId: batch[0]!.id,
        productId: product.id,
        amountCents: 3400,
        currency: "usd",
        status: "PAID",
      },
    });
    await db().licenseKey.createMany({
      data: batch.map((u) => ({
        id: u.keyId,
        orderId: order.id,
        keyHash: randomUUID(),
        hint: "BNCH",
        status: "ACTIVATED" as const,
      })),
    });
    const expiresAt = new Date(Date.now() + 365 * 86_400_000);
    await db().credential.createMany({
      data: batch.map((u) => ({
        id: u.credentialId,
        userId: u.id,
        productId: product.id,
        licenseKeyId: u.keyId,
        status: "ACTIVE" as const,
        proofingRequired: false,
        activatedAt: new Date(),
        expiresAt,
      })),
    });
    await db().phoneNumber.createMany({
      data: batch.map((u) => ({
        id: u.phoneId,
        userId: u.id,
        credentialId: u.credentialId,
        e164Encrypted: encrypt(u.e164),
        e164Fingerprint: phoneFingerprint(u.e164),
        country: "US",
        lastDigits: u.e164.slice(-2),
        isDefault: true,
        verifiedAt: new Date(),
      })),
    });
    users.push(...batch.map(({ id, email, phoneId, e164 }) => ({ id, email, phoneId, e164 })));
  }
  return users;
}

// The outbox is read through a pool of the bench's own, which rides out a database restart (bench:restart):
// an idle connection the server ends is dropped, not thrown.
let reader: pg.Pool | undefined;
function outbox(): pg.Pool {
  if (!reader) {
    // eslint-disable-next-line no-restricted-properties -- the bench's database, set by scripts/test-db.ts
    reader = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
    reader.on("error", () => undefined);
  }
  return reader;
}

/** The newest code texted to each number in the local outbox. */
export async function latestCodes(): Promise<Map<string, string>> {
  const { rows } = await outbox().query<{ to: string; body: string }>(
    `SELECT DISTINCT ON ("to") "to", body FROM outbox_messages ORDER BY "to", id DESC`,
  );
  return new Map(rows.map((r) => [r.to, /\d{6}/.exec(r.body)?.[0] ?? ""]));
}

/** The newest code texted to `e164`. */
export async function latestCode(e164: string): Promise<string> {
  const { rows } = await outbox().query<{ body: string }>(
    `SELECT body FROM outbox_messages WHERE "to" = $1 ORDER BY id DESC LIMIT 1`,
    [e164],
  );
  return /\d{6}/.exec(rows[0]?.body ?? "")?.[0] ?? "";
}

/**
 * One whole sign-in through the API: the password, a text to the phone, the code read back from the outbox,
 * the code checked. Its status is the worst of the three answers; `cookie` is the session it opened.
 */
export async function fullSignIn(base: string, user: PhoneUser): Promise<Outcome & { cookie?: string }> {
  const step1 = await post(base, "/api/v1/sign-in", { login: user.email, password: PASSWORD });
  if (step1.json.status !== "otp_required") return { status: step1.status, ok: false };
  const challenge = step1.json.challenge as string;
  const step2 = await post(base, "/api/v1/sign-in/otp/send", {
    challenge,
    phoneId: user.phoneId,
    channel: "SMS",
  });
  if (step2.json.status !== "code_sent") return { status: Math.max(step1.status, step2.status), ok: false };
  const step3 = await post(base, "/api/v1/sign-in/otp/verify", {
    challenge,
    code: await latestCode(user.e164),
  });
  return {
    status: Math.max(step1.status, step2.status, step3.status),
    ok: step3.json.status === "authenticated",
    cookie: step3.cookies[0]?.split(";")[0],
  };
}
