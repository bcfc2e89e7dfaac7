// L5: 500 signed Stripe events in 60 s through the webhook endpoint: 400 invoice.paid events, one per open
// invoice, and 100 redeliveries, 5 of them parallel copies of one event. Each invoice must be settled once,
// with one license key and one key email, every answer 2xx and p99 ≤ 1 s.
/* eslint-disable @typescript-eslint/no-restricted-imports -- a benchmark seeds its own data */
import Stripe from "stripe";
import { db } from "@/lib/core/db";
import type { PhoneUser } from "../support/phone-users";
import { atRate } from "../support/rate";
import type { Check } from "../support/report";
import { ms, summarize } from "../support/stats";

export const WEBHOOK_SECRET = "whsec_bench_0123456789abcdef0123456789abcdef";
/** What the portal needs to take Stripe's webhooks; nothing here calls Stripe's API (nothing listens there). */
export const STRIPE_BENCH_ENV = {
  STRIPE_SECRET_KEY: "sk_test_bench_0123456789",
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_API_BASE_URL: "http://127.0.0.1:9",
};

const UNIQUE = 400;
const PARALLEL = 5;
const REDELIVERIES = 100;
const SECONDS = 60;
export const l5Users = UNIQUE;

function invoicePaid(orderId: string, i: number) {
  return JSON.stringify({
    id: `evt_bench_${i}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    type: "invoice.paid",
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: `in_bench_${i}`,
        object: "invoice",
        status: "paid",
        amount_paid: 8900,
        amount_remaining: 0,
        currency: "usd",
        metadata: { orderId },
      },
    },
  });
}

export async function l5Webhooks(portal: string, users: PhoneUser[]): Promise<Check[]> {
  const product = await db().product.findFirstOrThrow({ where: { sku: "BENCH" }, select: { id: true } });
  const orders = await db().order.createManyAndReturn({
    data: users.map((u, i) => ({
      userId: u.id,
      productId: product.id,
      amountCents: 8900,
      currency: "usd",
      status: "AWAITING_PAYMENT" as const,
      paymentMethod: "INVOICE" as const,
      stripeInvoiceId: `in_bench_${i}`,
      invoiceNumber: `BENCH-${i}`,
      email: u.email,
      submittedAt: new Date(),
      infoCompletedAt: new Date(),
    })),
    select: { id: true },
  });
  const payloads = orders.map((o, i) => invoicePaid(o.id, i));
  // The 500 deliveries: every event once, one event 5 times at once, the rest redelivered at random moments.
  const plan: number[][] = payloads.map((_, i) => [i]);
  plan[7] = Array<number>(PARALLEL).fill(7);
  for (let k = 0; k < REDELIVERIES - (PARALLEL - 1); k++) plan.push([Math.floor(Math.random() * UNIQUE)]);
  plan.sort(() => Math.random() - 0.5);
  const deliveries = plan.reduce((n, batch) => n + batch.length, 0);

  const post = async (i: number) => {
    const payload = payloads[i]!;
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const res = await fetch(`${portal}/api/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature },
      body: payload,
    });
    await res.arrayBuffer();
    return { status: res.status, ok: res.status >= 200 && res.status < 300 };
  };
  const samples = (
    await atRate(plan.length / SECONDS, SECONDS, async (k) => {
      const answers = await Promise.all(plan[k]!.map(post));
      return answers.find((a) => !a.ok) ?? answers[0]!;
    })
  )
    .map((s, k) => Array(plan[k]!.length).fill(s) as (typeof s)[])
    .flat();
  const s = summarize(samples);
  console.log(`L5 ${deliveries} deliveries in ${SECONDS} s:`, s);

  const ids = orders.map((o) => o.id);
  const paid = await db().order.count({ where: { id: { in: ids }, status: "PAID" } });
  const keys = await db().licenseKey.groupBy({
    by: ["orderId"],
    where: { orderId: { in: ids } },
    _count: true,
  });
  const events = await db().processedStripeEvent.count({ where: { eventId: { startsWith: "evt_bench_" } } });
  const emails = await db().outboxMessage.count({ where: { subject: { startsWith: "Your license key" } } });
  const oneKeyEach = keys.length === UNIQUE && keys.every((k) => k._count === 1);
  return [
    {
      case: "L5",
      figure: `${s.count - s.errors} of ${deliveries} answered 2xx`,
      criterion: "all 2xx",
      pass: s.errors === 0,
    },
    {
      case: "L5",
      figure: `${paid} of ${UNIQUE} orders paid, ${events} events recorded, ${keys.length} orders with keys (${oneKeyEach ? "one each" : "not one each"}), ${emails} key emails`,
      criterion: "each of the 400 processed once, 1 licence each",
      pass: paid === UNIQUE && events === UNIQUE && oneKeyEach && emails === UNIQUE,
    },
    { case: "L5", figure: `p99 ${ms(s.p99)}`, criterion: "p99 ≤ 1 s", pass: s.p99 <= 1000 },
  ];
}
