import { describe, expect, it } from "vitest";
import { checkoutPayment, createReadyOrder } from "../factories/order";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { payloadOf, signatureFor, stripeEvent } from "../fakes/stripe-events";
import { type FakeStripe } from "../fakes/stripe-server";
import { db } from "../setup/db";
import { isKilled, runDoomedChild } from "../setup/doomed-process";
import { countKeyEmails, countKeys, findOrder, post, type Portal, withFakeStripe } from "../setup/stripe";

// A process killed (kill -9) while handling a webhook, then Stripe's redelivery: the transaction either
// committed whole or not at all, and the redelivery ends with exactly one key, one email, one event row.

let fake: FakeStripe;
let portal: Portal;

withFakeStripe((started: FakeStripe, loaded: Portal) => {
  fake = started;
  portal = loaded;
});

/** Delivers the event to a separate portal process (same database and secrets) that dies at `crashAt`. */
const deliverToDoomedProcess = (crashAt: string, payload: string, signature: string) =>
  runDoomedChild("tests/fakes/webhook-crash-child.ts", crashAt, { payload, signature });

async function pendingPayment() {
  const user = await createUser();
  const order = await createReadyOrder(user);
  await portal.store.submitPayment(user.id, checkoutPayment(order.id), fromIp());
  const paid = fake.checkout.pay((await findOrder(order.id)).stripeCheckoutSessionId!);
  const payload = payloadOf(stripeEvent("checkout.session.completed", paid));
  return { user, orderId: order.id, payload, signature: signatureFor(payload) };
}

async function state(orderId: string, email: string) {
  return {
    status: (await findOrder(orderId)).status,
    keys: await countKeys(orderId),
    emails: await countKeyEmails(email),
    events: await db().processedStripeEvent.count(),
    paidAudits: await db().auditEvent.count({ where: { type: "ORDER_PAID" } }),
  };
}

// Each case starts a separate tsx process (about 3 s on these machines).
describe("a portal process killed while handling a webhook", { timeout: 40_000 }, () => {
  it("handles the event normally when nothing kills it (the harness works)", async () => {
    const { user, orderId, payload, signature } = await pendingPayment();

    const exit = await deliverToDoomedProcess("", payload, signature);

    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(JSON.parse(exit.stdout)).toEqual({ status: 200, body: { received: true } });
    expect(await state(orderId, user.email)).toEqual({
      status: "PAID",
      keys: 1,
      emails: 1,
      events: 1,
      paidAudits: 1,
    });
  });

  it("rolls everything back when killed inside the transaction, and the redelivery applies it once", async () => {
    const { user, orderId, payload, signature } = await pendingPayment();

    const exit = await deliverToDoomedProcess("in-transaction", payload, signature);

    expect(isKilled(exit)).toBe(true);
    expect(exit.stdout).toBe("");
    expect(exit.stderr).toContain("failpoint in-transaction");
    expect(await state(orderId, user.email)).toEqual({
      status: "PAYMENT_PROCESSING",
      keys: 0,
      emails: 0,
      events: 0,
      paidAudits: 0,
    });

    expect((await post(portal, payload, signature)).status).toBe(200);
    expect(await state(orderId, user.email)).toEqual({
      status: "PAID",
      keys: 1,
      emails: 1,
      events: 1,
      paidAudits: 1,
    });
  });

  it("keeps the committed payment when killed before the key email, and the redelivery sends the email once", async () => {
    const { user, orderId, payload, signature } = await pendingPayment();

    const exit = await deliverToDoomedProcess("before-email", payload, signature);

    expect(isKilled(exit)).toBe(true);
    expect(exit.stderr).toContain("failpoint before-email");
    expect(await state(orderId, user.email)).toEqual({
      status: "PAID",
      keys: 1,
      emails: 0,
      events: 1,
      paidAudits: 1,
    });

    const replies = await Promise.all([post(portal, payload, signature), post(portal, payload, signature)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(await state(orderId, user.email)).toEqual({
      status: "PAID",
      keys: 1,
      emails: 1,
      events: 1,
      paidAudits: 1,
    });
  });

  it("changes nothing on redelivery when killed after the work, before the reply", async () => {
    const { user, orderId, payload, signature } = await pendingPayment();

    const exit = await deliverToDoomedProcess("before-reply", payload, signature);

    expect(isKilled(exit)).toBe(true);
    expect(exit.stdout).toBe("");
    expect(await state(orderId, user.email)).toEqual({
      status: "PAID",
      keys: 1,
      emails: 1,
      events: 1,
      paidAudits: 1,
    });

    expect(await post(portal, payload, signature)).toEqual({ status: 200, body: { received: true } });
    expect(await state(orderId, user.email)).toEqual({
      status: "PAID",
      keys: 1,
      emails: 1,
      events: 1,
      paidAudits: 1,
    });
  });
});
