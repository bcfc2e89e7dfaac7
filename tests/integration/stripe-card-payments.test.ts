import { describe, expect, it } from "vitest";
import { checkoutPayment, createReadyOrder, invoicePayment } from "../factories/order";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { stripeEvent } from "../fakes/stripe-events";
import { type FakeStripe } from "../fakes/stripe-server";
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

// Card payments through the real Stripe SDK against the loopback fake: Submit opens a Stripe Checkout
// Session and sends the browser to Stripe's page (card numbers never reach us); only the signed
// checkout.session.* webhooks settle the order.

let fake: FakeStripe;
let portal: Portal;

withFakeStripe((started: FakeStripe, loaded: Portal) => {
  fake = started;
  portal = loaded;
});

const SESSIONS = "/v1/checkout/sessions";

async function readyOrder() {
  const user = await createUser();
  const order = await createReadyOrder(user);
  return { user, order };
}

/** Submits Credit Card and returns the Checkout Session the buyer is sent to. */
async function openCheckout(userId: string, orderId: string) {
  const outcome = await portal.store.submitPayment(userId, checkoutPayment(orderId), fromIp());
  const { stripeCheckoutSessionId } = await findOrder(orderId);
  const session = fake.checkout.session(stripeCheckoutSessionId!);
  expect(outcome.redirectTo).toBe(session.url);
  return session;
}

/** The buyer pays on Stripe's page; returns the checkout.session.completed event Stripe would send. */
function pay(sessionId: string) {
  return stripeEvent("checkout.session.completed", fake.checkout.pay(sessionId));
}

describe("card payments on Stripe Checkout", () => {
  it("turns 10 parallel submits into 1 Checkout Session, and its webhook into 1 key and 1 email", async () => {
    const { user, order } = await readyOrder();

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        portal.store.submitPayment(user.id, checkoutPayment(order.id), fromIp()),
      ),
    );

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(fake.count("POST", SESSIONS)).toBe(1);
    const submitted = await findOrder(order.id);
    expect(submitted).toMatchObject({ status: "PAYMENT_PROCESSING", paymentMethod: "CARD" });
    // Never a key from the submit itself: the webhook is the only issuer for Stripe payments.
    expect(await countKeys(order.id)).toBe(0);

    const completed = pay(submitted.stripeCheckoutSessionId!);
    expect(await deliver(portal, completed)).toEqual({ status: 200, body: { received: true } });

    const intent = (completed.data.object as { payment_intent: string }).payment_intent;
    expect(await findOrder(order.id)).toMatchObject({
      status: "PAID",
      amountPaidCents: 8900,
      paymentReference: intent,
    });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
  });

  it("a key reused with other parameters is refused by Stripe and becomes the provider error the store handles", async () => {
    const { openCheckout: open } = await import("@/lib/payments/stripe-checkout");
    const request = {
      orderId: "8d1f5f8e-1c2b-4c1e-9a55-0d6c3f2b7a10",
      attempt: "reused-attempt",
      orderNumber: "MAG-000777",
      description: "Phone OTP",
      amountCents: 8900,
      currency: "usd",
      email: "buyer@example.test",
      successUrl: "http://127.0.0.1:3100/done",
      cancelUrl: "http://127.0.0.1:3100/back",
    };
    const first = await open(request);
    // A retry of the same attempt gets the same session back.
    expect(await open(request)).toEqual(first);

    const changed = await open({ ...request, amountCents: 9900 }).catch((e: unknown) => e);
    expect(changed).toBeInstanceOf(portal.PaymentProviderError);
    expect((changed as Error).message).toContain("idempotency_error");
    expect(fake.requests.filter((r) => r.path === SESSIONS).map((r) => [r.status, r.replayed])).toEqual([
      [200, false],
      [200, true],
      [400, false],
    ]);
  });

  it("asks Stripe for a payment of the order's amount, back to the order, under an attempt-scoped idempotency key", async () => {
    const { user, order } = await readyOrder();
    await openCheckout(user.id, order.id);

    const [request] = fake.requests.filter((r) => r.path === SESSIONS);
    const page = `http://127.0.0.1:3100/store/checkout/${order.id}`; // APP_URL in tests
    expect(request).toMatchObject({
      idempotencyKey: expect.stringMatching(
        new RegExp(`^order-${order.id}-checkout-[0-9a-f]{16}$`),
      ) as string,
      params: {
        mode: "payment",
        client_reference_id: order.id,
        customer_email: user.email,
        line_items: { "0": { quantity: "1", price_data: { currency: "usd", unit_amount: "8900" } } },
        metadata: { orderId: order.id },
        success_url: `${page}/confirmation?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${page}/payment?checkout=cancelled`,
      },
    });
  });

  it("applies 5 parallel copies of checkout.session.completed once, and a late expiry changes nothing", async () => {
    const { user, order } = await readyOrder();
    const session = await openCheckout(user.id, order.id);
    const completed = pay(session.id);

    const replies = await Promise.all(Array.from({ length: 5 }, () => deliver(portal, completed)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const expired = stripeEvent("checkout.session.expired", { ...session, status: "expired" });
    expect((await deliver(portal, expired)).status).toBe(200);

    expect(await findOrder(order.id)).toMatchObject({ status: "PAID", failureCode: null });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
    expect(await db().processedStripeEvent.count()).toBe(2);
    expect(await db().auditEvent.count({ where: { type: "ORDER_PAID" } })).toBe(1);
  });

  it("settles an order whose checkout.session.completed arrives before the create call's reply is saved", async () => {
    const { user, order } = await readyOrder();
    const held = fake.hold("POST", SESSIONS);

    const submitting = portal.store.submitPayment(user.id, checkoutPayment(order.id), fromIp());
    await held.reached;
    const [session] = fake.checkout.sessions.values();
    // Our row does not know the session yet: the event is matched by client_reference_id / metadata.
    expect((await deliver(portal, pay(session!.id))).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID" });

    held.release();
    await submitting;
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID", stripeCheckoutSessionId: session!.id });
    expect(await countKeys(order.id)).toBe(1);
  });

  it("gets the same session when a dropped connection is retried with the same Idempotency-Key", async () => {
    const { user, order } = await readyOrder();
    const held = fake.hold("POST", SESSIONS);

    const submitting = portal.store.submitPayment(user.id, checkoutPayment(order.id), fromIp());
    await held.reached;
    held.drop();
    const outcome = await submitting;

    const requests = fake.requests.filter((r) => r.path === SESSIONS);
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({ idempotencyKey: requests[0]!.idempotencyKey, replayed: true });
    expect(fake.checkout.sessions.size).toBe(1);
    expect(outcome.redirectTo).toBe([...fake.checkout.sessions.values()][0]!.url);
  });

  it("does not fulfil a payment whose amount differs from the order", async () => {
    const { user, order } = await readyOrder();
    const session = await openCheckout(user.id, order.id);
    fake.checkout.pay(session.id);

    const paidLess = { ...fake.checkout.session(session.id), amount_total: 100 };
    expect((await deliver(portal, stripeEvent("checkout.session.completed", paidLess))).status).toBe(200);

    expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_PROCESSING" });
    expect(await countKeys(order.id)).toBe(0);
  });

  it("works the same with a live key: card details are never ours to send", async () => {
    const live = await loadPortal(stripeEnv(fake, "sk_live_integration_0123456789"));
    try {
      const { user, order } = await readyOrder();
      const outcome = await live.store.submitPayment(user.id, checkoutPayment(order.id), fromIp());
      expect(outcome.redirectTo).toMatch(/\/pay\/cs_test_/);
      expect(fake.count("POST", SESSIONS)).toBe(1);
    } finally {
      portal = await loadPortal(stripeEnv(fake));
    }
  });
});

describe("sessions that end unpaid", () => {
  it("an expired session frees the order; the next submit opens a new session under a new key", async () => {
    const { user, order } = await readyOrder();
    const first = await openCheckout(user.id, order.id);

    const expired = stripeEvent("checkout.session.expired", fake.checkout.expire(first.id));
    expect((await deliver(portal, expired)).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({
      status: "PAYMENT_FAILED",
      failureCode: "payments.checkout_expired",
    });

    const second = await openCheckout(user.id, order.id);
    expect(second.id).not.toBe(first.id);
    const keys = fake.requests.filter((r) => r.path === SESSIONS).map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
    expect((await deliver(portal, pay(second.id))).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID", failureCode: null });
  });

  it("a buyer back from Stripe without paying submits again: the old session is closed first and its late expiry changes nothing", async () => {
    const { user, order } = await readyOrder();
    const first = await openCheckout(user.id, order.id);

    const second = await openCheckout(user.id, order.id);

    expect(fake.count("POST", `${SESSIONS}/${first.id}/expire`)).toBe(1);
    expect(fake.checkout.session(first.id).status).toBe("expired");
    const [lateExpiry] = fake.checkout.events.filter((e) => e.type === "checkout.session.expired");
    expect((await deliver(portal, lateExpiry!)).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({
      status: "PAYMENT_PROCESSING",
      stripeCheckoutSessionId: second.id,
    });
    expect((await deliver(portal, pay(second.id))).status).toBe(200);
    expect(await countKeys(order.id)).toBe(1);
  });

  it("two submits at once after coming back open one new session between them", async () => {
    const { user, order } = await readyOrder();
    await openCheckout(user.id, order.id);

    const results = await Promise.allSettled(
      [0, 1].map(() => portal.store.submitPayment(user.id, checkoutPayment(order.id), fromIp())),
    );

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(fake.count("POST", SESSIONS)).toBe(2);
    expect([...fake.checkout.sessions.values()].filter((s) => s.status === "open")).toHaveLength(1);
  });

  it("a buyer who paid in another tab and then submits again is not sent to pay twice", async () => {
    const { user, order } = await readyOrder();
    const session = await openCheckout(user.id, order.id);
    const completed = pay(session.id);

    const again = await portal.store.submitPayment(user.id, checkoutPayment(order.id), fromIp());

    expect(again).toEqual({ orderId: order.id, next: "confirmation" });
    expect(fake.count("POST", SESSIONS)).toBe(1);
    expect((await deliver(portal, completed)).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID" });
  });

  it("a buyer back from Stripe may choose Invoice instead: the session is closed, the invoice opened", async () => {
    const { user, order } = await readyOrder();
    const session = await openCheckout(user.id, order.id);

    await portal.store.submitPayment(user.id, invoicePayment(order.id), fromIp());

    expect(fake.checkout.session(session.id).status).toBe("expired");
    expect(await findOrder(order.id)).toMatchObject({ status: "AWAITING_PAYMENT", paymentMethod: "INVOICE" });
  });

  it("a delayed payment method settles on async_payment_succeeded, and fails on async_payment_failed", async () => {
    const paid = await readyOrder();
    const failed = await readyOrder();
    for (const { user, order } of [paid, failed]) {
      const session = await openCheckout(user.id, order.id);
      const pending = { ...fake.checkout.session(session.id), status: "complete", payment_status: "unpaid" };
      expect((await deliver(portal, stripeEvent("checkout.session.completed", pending))).status).toBe(200);
      expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_PROCESSING" });
      const outcome = order === paid.order ? "succeeded" : "failed";
      const later = { ...pending, payment_status: outcome === "succeeded" ? "paid" : "unpaid" };
      const event = stripeEvent(`checkout.session.async_payment_${outcome}`, later);
      expect((await deliver(portal, event)).status).toBe(200);
    }

    expect(await findOrder(paid.order.id)).toMatchObject({ status: "PAID" });
    expect(await countKeys(paid.order.id)).toBe(1);
    expect(await findOrder(failed.order.id)).toMatchObject({
      status: "PAYMENT_FAILED",
      failureCode: "payments.card_declined",
    });
    expect(await countKeys(failed.order.id)).toBe(0);
  });
});
