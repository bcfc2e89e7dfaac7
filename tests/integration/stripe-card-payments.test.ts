import { describe, expect, it } from "vitest";
import { cardPayment, createReadyOrder } from "../factories/order";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { stripeEvent } from "../fakes/stripe-events";
import { type FakeStripe, type Hold } from "../fakes/stripe-server";
import { db } from "../setup/db";
import {
  countKeyEmails,
  countKeys,
  deliver,
  findOrder,
  loadPortal,
  stripeEnv,
  type Portal,
  withFakeStripe,
} from "../setup/stripe";

// Card payments through the real Stripe SDK against the loopback fake: the submit creates a PaymentIntent
// and leaves the order processing; only the signed payment_intent.succeeded webhook issues the key.

let fake: FakeStripe;
let portal: Portal;

withFakeStripe((started: FakeStripe, loaded: Portal) => {
  fake = started;
  portal = loaded;
});

async function readyOrder() {
  const user = await createUser();
  const order = await createReadyOrder(user);
  return { user, order };
}

/** Submits the card form and returns the PaymentIntent the fake created for it. */
async function payPending(userId: string, orderId: string, now = new Date()) {
  await portal.store.submitPayment(userId, cardPayment(orderId), fromIp(), now);
  const { stripePaymentIntentId } = await findOrder(orderId);
  return fake.paymentIntent(stripePaymentIntentId!);
}

const PAYMENT_INTENTS = "/v1/payment_intents";

/**
 * Loses the held reply for good. stripe-node retries a closed connection once even with retries off (with
 * the same Idempotency-Key), so the retry's reply is dropped too.
 */
async function loseReply(held: Hold) {
  const retry = fake.hold("POST", PAYMENT_INTENTS);
  held.drop();
  await retry.reached;
  retry.drop();
}

describe("card payments with Stripe", () => {
  it("turns 10 parallel submits into 1 PaymentIntent, and the webhook into 1 key and 1 email", async () => {
    const { user, order } = await readyOrder();

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => portal.store.submitPayment(user.id, cardPayment(order.id), fromIp())),
    );

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(fake.count("POST", PAYMENT_INTENTS)).toBe(1);
    expect(fake.paymentIntents.size).toBe(1);
    const submitted = await findOrder(order.id);
    expect(submitted).toMatchObject({ status: "PAYMENT_PROCESSING", cardLast4: "4242" });
    const intent = fake.paymentIntent(submitted.stripePaymentIntentId!);
    expect(intent).toMatchObject({
      amount: 8900,
      currency: "usd",
      status: "succeeded",
      payment_method: "pm_card_visa",
      receipt_email: user.email,
      metadata: { orderId: order.id },
    });
    // Never a key from the submit itself: the webhook is the only issuer for Stripe payments.
    expect(await countKeys(order.id)).toBe(0);

    const reply = await deliver(portal, stripeEvent("payment_intent.succeeded", intent));

    expect(reply).toEqual({ status: 200, body: { received: true } });
    expect(await findOrder(order.id)).toMatchObject({
      status: "PAID",
      amountPaidCents: 8900,
      paymentReference: intent.id,
    });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
  });

  it("sends the PaymentIntent request with the order, the receipt email and an attempt-scoped idempotency key", async () => {
    const { user, order } = await readyOrder();
    const now = new Date("2026-11-29T10:00:00.000Z");

    await portal.store.submitPayment(user.id, cardPayment(order.id), fromIp(), now);

    const [request] = fake.requests.filter((r) => r.path === PAYMENT_INTENTS);
    expect(request).toMatchObject({
      idempotencyKey: `order-${order.id}-${now.getTime()}`,
      params: {
        amount: "8900",
        currency: "usd",
        confirm: "true",
        payment_method: "pm_card_visa",
        receipt_email: user.email,
        metadata: { orderId: order.id, attempt: String(now.getTime()) },
        automatic_payment_methods: { enabled: "true", allow_redirects: "never" },
      },
    });
    // Card data never leaves the portal: only the test PaymentMethod's id goes to Stripe.
    expect(JSON.stringify(fake.requests)).not.toMatch(/4242424242424242/);
  });

  it("applies 5 parallel copies of one payment_intent.succeeded once, and a late payment_failed changes nothing", async () => {
    const { user, order } = await readyOrder();
    const intent = await payPending(user.id, order.id);
    const succeeded = stripeEvent("payment_intent.succeeded", intent);

    const replies = await Promise.all(Array.from({ length: 5 }, () => deliver(portal, succeeded)));

    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const failed = stripeEvent("payment_intent.payment_failed", {
      ...intent,
      status: "requires_payment_method",
      last_payment_error: { type: "card_error", code: "card_declined", decline_code: "generic_decline" },
    });
    expect((await deliver(portal, failed)).status).toBe(200);

    expect(await findOrder(order.id)).toMatchObject({ status: "PAID", failureCode: null });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
    const processed = await db().processedStripeEvent.findMany({ select: { eventId: true, type: true } });
    expect(processed).toHaveLength(2);
    expect(processed).toEqual(
      expect.arrayContaining([
        { eventId: succeeded.id, type: "payment_intent.succeeded" },
        { eventId: failed.id, type: "payment_intent.payment_failed" },
      ]),
    );
    expect(await db().auditEvent.count({ where: { type: "ORDER_PAID" } })).toBe(1);
  });

  it("settles an order whose payment_intent.succeeded arrives before the create call's reply", async () => {
    const { user, order } = await readyOrder();
    const held = fake.hold("POST", PAYMENT_INTENTS);

    const submitting = portal.store.submitPayment(user.id, cardPayment(order.id), fromIp());
    await held.reached;
    // Stripe has charged the card; our row does not know the PaymentIntent yet.
    expect(await findOrder(order.id)).toMatchObject({
      status: "PAYMENT_PROCESSING",
      stripePaymentIntentId: null,
    });
    const [intent] = fake.paymentIntents.values();
    expect((await deliver(portal, stripeEvent("payment_intent.succeeded", intent!))).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID" });

    held.release();
    await submitting;

    expect(await findOrder(order.id)).toMatchObject({
      status: "PAID",
      stripePaymentIntentId: intent!.id,
      paymentReference: intent!.id,
      cardLast4: "4242",
    });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
  });

  it("does not tell the buyer 'nothing was charged' when the reply is lost after the webhook settled the order", async () => {
    const { user, order } = await readyOrder();
    const held = fake.hold("POST", PAYMENT_INTENTS);

    const submitting = portal.store.submitPayment(user.id, cardPayment(order.id), fromIp());
    await held.reached;
    const [intent] = fake.paymentIntents.values();
    await deliver(portal, stripeEvent("payment_intent.succeeded", intent!));
    await loseReply(held);

    await expect(submitting).resolves.toEqual({ orderId: order.id, next: "confirmation" });
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID" });
    expect(await countKeys(order.id)).toBe(1);
  });

  it("issues the key when a payment whose reply was lost succeeds after the order was marked failed", async () => {
    const { user, order } = await readyOrder();
    const held = fake.hold("POST", PAYMENT_INTENTS);

    const submitting = portal.store.submitPayment(user.id, cardPayment(order.id), fromIp());
    await held.reached;
    await loseReply(held);
    await portal.expectDomainError(submitting, "payments.processor_unavailable");
    expect(await findOrder(order.id)).toMatchObject({
      status: "PAYMENT_FAILED",
      failureCode: "payments.processor_unavailable",
    });

    // Stripe did charge the card: its webhook (found by metadata.orderId) settles the order.
    const [intent] = fake.paymentIntents.values();
    expect((await deliver(portal, stripeEvent("payment_intent.succeeded", intent!))).status).toBe(200);

    expect(await findOrder(order.id)).toMatchObject({ status: "PAID", failureCode: null });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
  });

  it("gets the same PaymentIntent when a dropped connection is retried with the same Idempotency-Key", async () => {
    const { user, order } = await readyOrder();
    const held = fake.hold("POST", PAYMENT_INTENTS);

    const submitting = portal.store.submitPayment(user.id, cardPayment(order.id), fromIp());
    await held.reached;
    held.drop();
    await submitting;

    const requests = fake.requests.filter((r) => r.path === PAYMENT_INTENTS);
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({ idempotencyKey: requests[0]!.idempotencyKey, replayed: true });
    expect(fake.paymentIntents.size).toBe(1);
    expect(await findOrder(order.id)).toMatchObject({
      status: "PAYMENT_PROCESSING",
      stripePaymentIntentId: [...fake.paymentIntents.keys()][0],
    });
  });

  it("does not fulfil a payment whose amount differs from the order", async () => {
    const { user, order } = await readyOrder();
    const intent = await payPending(user.id, order.id);

    const reply = await deliver(
      portal,
      stripeEvent("payment_intent.succeeded", { ...intent, amount: 100, amount_received: 100 }),
    );

    expect(reply.status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_PROCESSING" });
    expect(await countKeys(order.id)).toBe(0);
  });
});

describe("declined cards with Stripe", () => {
  it.each([
    ["4000000000000002", "pm_card_chargeDeclined", "payments.card_declined"],
    ["4000000000009995", "pm_card_chargeDeclinedInsufficientFunds", "payments.insufficient_funds"],
  ] as const)("refuses %s (%s) with %s and issues nothing", async (cardNumber, paymentMethod, code) => {
    const { user, order } = await readyOrder();

    await portal.expectDomainError(
      portal.store.submitPayment(user.id, cardPayment(order.id, cardNumber), fromIp()),
      code,
    );

    expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_FAILED", failureCode: code });
    expect(fake.requests.filter((r) => r.path === PAYMENT_INTENTS)).toMatchObject([
      { status: 402, params: { payment_method: paymentMethod } },
    ]);
    expect(await countKeys(order.id)).toBe(0);
  });

  it("lets the buyer retry with another card under a new idempotency key, and an old failure changes nothing", async () => {
    const { user, order } = await readyOrder();
    const first = new Date("2026-11-29T10:00:00.000Z");
    const second = new Date("2026-11-29T10:01:00.000Z");
    const third = new Date("2026-11-29T10:02:00.000Z");

    await portal.expectDomainError(
      portal.store.submitPayment(user.id, cardPayment(order.id, "4000000000000002"), fromIp(), first),
      "payments.card_declined",
    );
    await portal.expectDomainError(
      portal.store.submitPayment(user.id, cardPayment(order.id, "4000000000009995"), fromIp(), second),
      "payments.insufficient_funds",
    );
    const [declined] = fake.paymentIntents.values();
    const intent = await payPending(user.id, order.id, third);

    expect(fake.requests.filter((r) => r.path === PAYMENT_INTENTS).map((r) => r.idempotencyKey)).toEqual([
      `order-${order.id}-${first.getTime()}`,
      `order-${order.id}-${second.getTime()}`,
      `order-${order.id}-${third.getTime()}`,
    ]);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_PROCESSING", failureCode: null });

    // The first attempt's failure event arrives late, while the retry is in flight.
    const lateFailure = stripeEvent("payment_intent.payment_failed", declined!);
    expect((await deliver(portal, lateFailure)).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_PROCESSING" });

    expect((await deliver(portal, stripeEvent("payment_intent.succeeded", intent))).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID", paymentReference: intent.id });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
  });

  it("fails the order from a payment_intent.payment_failed webhook with the decline code", async () => {
    const { user, order } = await readyOrder();
    const intent = await payPending(user.id, order.id);

    const failed = stripeEvent("payment_intent.payment_failed", {
      ...intent,
      status: "requires_payment_method",
      amount_received: 0,
      last_payment_error: { type: "card_error", code: "card_declined", decline_code: "insufficient_funds" },
    });
    expect((await deliver(portal, failed)).status).toBe(200);

    expect(await findOrder(order.id)).toMatchObject({
      status: "PAYMENT_FAILED",
      failureCode: "payments.insufficient_funds",
    });
    expect(await countKeys(order.id)).toBe(0);
  });

  it("refuses card numbers that are not Stripe test cards without calling Stripe", async () => {
    const { user, order } = await readyOrder();

    await portal.expectDomainError(
      portal.store.submitPayment(user.id, cardPayment(order.id, "4000056655665556"), fromIp()),
      "payments.card_not_accepted",
    );

    expect(fake.requests).toHaveLength(0);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_FAILED" });
  });
});

describe("idempotency keys", () => {
  const charge = (orderId: string, amountCents: number) => ({
    orderId,
    attempt: "1764410400000",
    orderNumber: "MAG-000001",
    amountCents,
    currency: "usd",
    email: "buyer@example.test",
    card: { name: "Test Buyer", number: "4242424242424242", expMonth: 12, expYear: 2040, cvc: "123" },
  });

  it("returns the same PaymentIntent when one attempt is retried", async () => {
    const processor = portal.gateway.stripeCardProcessor();
    const orderId = "00000000-0000-4000-8000-000000000001";

    const first = await processor.charge(charge(orderId, 8900));
    const retried = await processor.charge(charge(orderId, 8900));

    expect(first).toMatchObject({ outcome: "pending" });
    expect(retried).toEqual(first);
    expect(fake.count("POST", PAYMENT_INTENTS)).toBe(2);
    expect(fake.paymentIntents.size).toBe(1);
  });

  it("surfaces a key reused with different parameters as PaymentProviderError", async () => {
    const processor = portal.gateway.stripeCardProcessor();
    const orderId = "00000000-0000-4000-8000-000000000002";
    await processor.charge(charge(orderId, 8900));

    const error = await processor.charge(charge(orderId, 9900)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(portal.PaymentProviderError);
    expect((error as Error).message).toMatch(/idempotency_error/);
    expect(fake.paymentIntents.size).toBe(1);
  });

  it("answers a reused key at checkout with processor_unavailable, not a crash", async () => {
    const { user, order } = await readyOrder();
    const now = new Date("2026-11-29T11:00:00.000Z");
    // Another request already used this attempt's key with other parameters.
    await portal.gateway
      .stripeCardProcessor()
      .charge({ ...charge(order.id, 1234), attempt: String(now.getTime()) });

    await portal.expectDomainError(
      portal.store.submitPayment(user.id, cardPayment(order.id), fromIp(), now),
      "payments.processor_unavailable",
    );

    expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_FAILED" });
    expect(await countKeys(order.id)).toBe(0);
  });
});

describe("a live Stripe key", () => {
  it("refuses server-side card entry without calling Stripe", async () => {
    const live = await loadPortal(stripeEnv(fake, "sk_live_integration_0123456789"));
    try {
      const { user, order } = await readyOrder();

      await live.expectDomainError(
        live.store.submitPayment(user.id, cardPayment(order.id), fromIp()),
        "payments.processor_unavailable",
      );
      const error = await live.gateway
        .stripeCardProcessor()
        .charge({
          orderId: order.id,
          attempt: "1",
          orderNumber: "MAG-000001",
          amountCents: 8900,
          currency: "usd",
          email: user.email,
          card: { name: "Test Buyer", number: "4242424242424242", expMonth: 12, expYear: 2040, cvc: "123" },
        })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(live.PaymentProviderError);
      expect((error as Error).message).toMatch(/Stripe Elements/);
      expect(fake.requests).toHaveLength(0);
      expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_FAILED" });
    } finally {
      portal = await loadPortal(stripeEnv(fake));
    }
  });
});
