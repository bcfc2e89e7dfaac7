import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cardPayment, createReadyOrder } from "../factories/order";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { db, resetDb } from "../setup/db";
import {
  clearStripeEnv,
  countKeyEmails,
  countKeys,
  findOrder,
  loadPortal,
  type Portal,
} from "../setup/stripe";

// Without Stripe keys the local processor answers Stripe's test numbers at once and the store fulfils the
// order itself; double submits still pay (and issue) once.

let portal: Portal;

beforeAll(async () => {
  portal = await loadPortal({});
});

afterAll(() => clearStripeEnv());

beforeEach(resetDb);

describe("card payments with the local processor", () => {
  it("turns 10 parallel submits into 1 payment, 1 key and 1 email", async () => {
    const user = await createUser();
    const order = await createReadyOrder(user);

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => portal.store.submitPayment(user.id, cardPayment(order.id), fromIp())),
    );

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await findOrder(order.id)).toMatchObject({
      status: "PAID",
      amountPaidCents: 8900,
      cardLast4: "4242",
    });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
    expect(await db().auditEvent.count({ where: { type: "ORDER_SUBMITTED" } })).toBe(1);
    expect(await db().processedStripeEvent.count()).toBe(0);
  });

  it("declines Stripe's declined test card and lets the buyer pay with another", async () => {
    const user = await createUser();
    const order = await createReadyOrder(user);

    await portal.expectDomainError(
      portal.store.submitPayment(user.id, cardPayment(order.id, "4000000000000002"), fromIp()),
      "payments.card_declined",
    );
    expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_FAILED" });
    expect(await countKeys(order.id)).toBe(0);

    await portal.store.submitPayment(user.id, cardPayment(order.id), fromIp());

    expect(await findOrder(order.id)).toMatchObject({ status: "PAID" });
    expect(await countKeys(order.id)).toBe(1);
  });
});
