// Time from payment confirmation to the license key email in the outbox (run with `npm run bench:keys`):
// fulfilOrder = mark paid + issue key (one transaction) + email, for orders whose payment just cleared,
// one at a time and in bursts of 8 as a webhook burst would. Same-box figures (Node and PostgreSQL on 2 cores).
/* eslint-disable no-restricted-properties, @typescript-eslint/no-restricted-imports -- a benchmark seeds its own data */
import { db } from "@/lib/core/db";
import { fulfilOrder } from "@/lib/payments/settlement";
import { truncate } from "../tests/setup/db";

process.env.LOG_LEVEL = "silent";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200);

function report(label: string, samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1);
  console.log(
    `${label}: n=${s.length} p50=${at(50)} ms p95=${at(95)} ms p99=${at(99)} ms max=${s.at(-1)!.toFixed(1)} ms`,
  );
}

await truncate(["users", "orders", "license_keys", "products", "outbox_messages", "audit_events"]);
const user = await db().user.create({
  data: {
    email: "bench@example.test",
    username: "bench",
    firstName: "Bench",
    lastName: "Buyer",
    country: "US",
    passwordHash: "x",
  },
});
const product = await db().product.create({
  data: {
    sku: "BENCH",
    name: "Phone-Based One Time Password (OTP) – Without Proofing – US – 1 Year",
    description: "bench",
    kind: "CREDENTIAL",
    includesProofing: false,
    termMonths: 12,
    priceCents: 3400,
    currency: "usd",
  },
});

async function paidOrders(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const o = await db().order.create({
      data: {
        userId: user.id,
        productId: product.id,
        amountCents: 3400,
        currency: "usd",
        status: "PAYMENT_PROCESSING",
        paymentMethod: "CARD",
        email: user.email,
        firstName: "Bench",
      },
      select: { id: true },
    });
    ids.push(o.id);
  }
  return ids;
}

async function deliver(id: string): Promise<number> {
  const started = performance.now();
  const result = await fulfilOrder(id, { reference: `bench_${id}`, amountPaidCents: 3400 }, {});
  if (result?.kind !== "license_key") throw new Error("no key issued");
  return performance.now() - started;
}

const serial: number[] = [];
for (const id of await paidOrders(ORDERS / 2)) serial.push(await deliver(id));
report("one at a time", serial);

const burst: number[] = [];
const ids = await paidOrders(ORDERS / 2);
for (let i = 0; i < ids.length; i += 8) burst.push(...(await Promise.all(ids.slice(i, i + 8).map(deliver))));
report("bursts of 8", burst);

const emails = await db().outboxMessage.count({ where: { to: user.email } });
console.log(`key emails in the outbox: ${emails} for ${ORDERS} orders`);
await db().$disconnect();
process.exit(0);
