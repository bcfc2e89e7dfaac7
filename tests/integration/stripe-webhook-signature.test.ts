import { describe, expect, it } from "vitest";
import { checkoutPayment, createReadyOrder } from "../factories/order";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { payloadOf, signatureFor, stripeEvent, type TestEvent } from "../fakes/stripe-events";
import type { FakeCheckoutSession } from "../fakes/stripe-checkout";
import { type FakeStripe } from "../fakes/stripe-server";

import {
  countRows,
  deliver,
  findOrder,
  loadPortal,
  post,
  stripeEnv,
  type Portal,
  withFakeStripe,
} from "../setup/stripe";

// The webhook endpoint trusts nothing it cannot verify: every refusal answers 400 before any write.

let fake: FakeStripe;
let portal: Portal;

withFakeStripe((started: FakeStripe, loaded: Portal) => {
  fake = started;
  portal = loaded;
});

/** An order paid on Stripe Checkout, waiting for its checkout.session.completed, and that event. */
async function pendingPayment(): Promise<{
  orderId: string;
  event: TestEvent;
  session: FakeCheckoutSession;
}> {
  const user = await createUser();
  const order = await createReadyOrder(user);
  await portal.store.submitPayment(user.id, checkoutPayment(order.id), fromIp());
  const session = fake.checkout.pay((await findOrder(order.id)).stripeCheckoutSessionId!);
  return { orderId: order.id, event: stripeEvent("checkout.session.completed", session), session };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("Stripe webhook signatures", () => {
  const forgeries: [string, (payload: string) => { payload: string; signature: string | null }][] = [
    [
      "signed with the wrong secret",
      (payload) => ({ payload, signature: signatureFor(payload, { secret: "whsec_forged" }) }),
    ],
    [
      "changed by one byte after signing",
      (payload) => ({
        payload: payload.replace('"amount_total": 8900', '"amount_total": 8901'),
        signature: signatureFor(payload),
      }),
    ],
    ["sent without a Stripe-Signature header", (payload) => ({ payload, signature: null })],
    [
      "signed 301 seconds ago (a replay)",
      (payload) => ({ payload, signature: signatureFor(payload, { timestamp: nowSeconds() - 301 }) }),
    ],
    [
      "parsed and re-serialised before verification",
      (payload) => ({ payload: JSON.stringify(JSON.parse(payload)), signature: signatureFor(payload) }),
    ],
    ["carrying a garbage header", (payload) => ({ payload, signature: "t=abc,v1=nothex" })],
  ];

  it.each(forgeries)("refuses an event %s with 400 and writes nothing", async (_name, forge) => {
    const { orderId, event } = await pendingPayment();
    const payload = payloadOf(event);
    const forged = forge(payload);
    expect(forged.payload === payload && forged.signature === signatureFor(payload)).toBe(false);
    const before = await countRows();
    const orderBefore = await findOrder(orderId);

    const reply = await post(portal, forged.payload, forged.signature);

    expect(reply).toEqual({
      status: 400,
      body: { error: "payments.webhook_invalid", message: "The webhook signature is invalid." },
    });
    expect(await countRows()).toEqual(before);
    expect(await findOrder(orderId)).toEqual(orderBefore);

    // The genuine delivery still goes through.
    expect((await post(portal, payload, signatureFor(payload))).status).toBe(200);
    expect(await findOrder(orderId)).toMatchObject({ status: "PAID" });
  });

  it("accepts a signature at the edge of the 300 second tolerance", async () => {
    const { orderId, event } = await pendingPayment();
    const payload = payloadOf(event);

    const reply = await post(portal, payload, signatureFor(payload, { timestamp: nowSeconds() - 295 }));

    expect(reply.status).toBe(200);
    expect(await findOrder(orderId)).toMatchObject({ status: "PAID" });
  });

  it("refuses a correctly signed body that is not JSON with 400", async () => {
    const payload = "not json {";
    const before = await countRows();

    expect((await post(portal, payload, signatureFor(payload))).status).toBe(400);
    expect(await countRows()).toEqual(before);
  });
});

describe("Stripe events the portal does not act on", () => {
  it("acknowledges an event type outside the allow-list without touching anything", async () => {
    const { orderId, session } = await pendingPayment();
    const before = await countRows();
    // Checkout's own PaymentIntent events: the order is settled by the session's events only.
    const intent = { id: session.payment_intent, object: "payment_intent", metadata: { orderId } };

    const reply = await deliver(portal, stripeEvent("payment_intent.succeeded", intent));
    expect(await deliver(portal, stripeEvent("payment_intent.created", intent))).toEqual(reply);

    expect(reply).toEqual({ status: 200, body: { received: true } });
    expect(await countRows()).toEqual(before);
    expect(await findOrder(orderId)).toMatchObject({ status: "PAYMENT_PROCESSING" });
  });

  it.each([
    ["no order id", {}],
    ["an order id that is not a UUID", { orderId: "'; DROP TABLE orders; --" }],
    ["an order that does not exist", { orderId: "00000000-0000-4000-8000-000000000000" }],
  ])("acknowledges a payment for an unknown order (%s)", async (_name, metadata) => {
    const { session } = await pendingPayment();
    const before = await countRows();
    const stranger = { ...session, id: "cs_unknown_to_the_portal", client_reference_id: null, metadata };

    for (const type of [
      "checkout.session.completed",
      "checkout.session.expired",
      "invoice.paid",
      "invoice.voided",
    ]) {
      const object = type.startsWith("invoice")
        ? {
            id: "in_unknown",
            object: "invoice",
            status: "paid",
            amount_paid: 8900,
            amount_remaining: 0,
            currency: "usd",
            metadata,
          }
        : stranger;
      expect(await deliver(portal, stripeEvent(type, object))).toEqual({
        status: 200,
        body: { received: true },
      });
    }
    expect(await countRows()).toEqual(before);
  });
});

describe("without Stripe", () => {
  it("answers 404 when no webhook secret is configured", async () => {
    const local = await loadPortal({});
    try {
      const payload = payloadOf(
        stripeEvent("checkout.session.completed", { id: "cs_x", object: "checkout.session" }),
      );
      const before = await countRows();

      const response = await local.POST(
        new Request("http://127.0.0.1:3100/api/webhooks/stripe", {
          method: "POST",
          headers: { "stripe-signature": signatureFor(payload) },
          body: payload,
        }),
      );

      expect(response.status).toBe(404);
      expect(await countRows()).toEqual(before);
    } finally {
      portal = await loadPortal(stripeEnv(fake));
    }
  });
});
