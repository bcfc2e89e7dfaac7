import { describe, expect, it } from "vitest";
import { createReadyOrder, invoicePayment } from "../factories/order";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { stripeEvent } from "../fakes/stripe-events";
import { type FakeStripe } from "../fakes/stripe-server";
import { db } from "../setup/db";
import { countKeyEmails, countKeys, deliver, findOrder, type Portal, withFakeStripe } from "../setup/stripe";

// Invoice checkout through Stripe: the submit opens and sends a Stripe invoice; invoice.* webhooks settle
// the order, and a key exists only once the invoice is paid in full.

let fake: FakeStripe;
let portal: Portal;

withFakeStripe((started: FakeStripe, loaded: Portal) => {
  fake = started;
  portal = loaded;
});

/** A user's order submitted for invoice payment; returns it with its Stripe invoice id. */
async function invoicedOrder(user?: Awaited<ReturnType<typeof createUser>>) {
  const buyer = user ?? (await createUser());
  const order = await createReadyOrder(buyer);
  await portal.store.submitPayment(buyer.id, invoicePayment(order.id), fromIp());
  const { stripeInvoiceId } = await findOrder(order.id);
  return { user: buyer, order, invoiceId: stripeInvoiceId! };
}

/**
 * A user's order whose invoice was created at Stripe while neither the reply nor the SDK's one retry came
 * back: the submit fails and the order is back in draft.
 */
async function invoiceCreatedReplyLost() {
  const user = await createUser();
  const order = await createReadyOrder(user);
  const held = fake.hold("POST", "/v1/invoices");
  const submitting = portal.store.submitPayment(user.id, invoicePayment(order.id), fromIp());
  await held.reached;
  const retry = fake.hold("POST", "/v1/invoices");
  held.drop();
  await retry.reached;
  retry.drop();
  await portal.expectDomainError(submitting, "payments.processor_unavailable");
  return { user, order };
}

describe("invoices with Stripe", () => {
  it("opens and sends a Stripe invoice for the order, with no key yet", async () => {
    const before = Date.now();
    const { user, order, invoiceId } = await invoicedOrder();

    const saved = await findOrder(order.id);
    expect(saved).toMatchObject({
      status: "AWAITING_PAYMENT",
      paymentMethod: "INVOICE",
      invoiceNumber: "FAKE-0001",
    });
    expect(saved.invoiceDueAt!.getTime()).toBeGreaterThanOrEqual(before + 30 * 86_400_000 - 2_000);
    expect(fake.invoice(invoiceId)).toMatchObject({
      status: "open",
      collection_method: "send_invoice",
      days_until_due: 30,
      auto_advance: true,
      amount_due: 8900,
      metadata: { orderId: order.id },
    });
    expect(fake.invoice(invoiceId).lines.data).toMatchObject([{ amount: 8900, currency: "usd" }]);
    expect([...fake.customers.values()]).toMatchObject([{ email: user.email }]);
    expect(fake.count("POST", `/v1/invoices/${invoiceId}/send`)).toBe(1);
    // Every create call carries an idempotency key derived from the order.
    for (const request of fake.requests.filter((r) => r.method === "POST")) {
      expect(request.idempotencyKey).toMatch(new RegExp(`^order-${order.id}-invoice-[0-9a-f]{16}-\\w+$`));
    }
    expect(await countKeys(order.id)).toBe(0);
  });

  it("reuses the buyer's Stripe customer for a second invoice", async () => {
    const user = await createUser();
    await invoicedOrder(user);
    await invoicedOrder(user);

    expect(fake.customers.size).toBe(1);
    expect(fake.invoices.size).toBe(2);
  });

  it("issues the key only when the invoice is paid in full, and a late partial event does not lower the amount", async () => {
    const { user, order, invoiceId } = await invoicedOrder();

    const partial = stripeEvent("invoice.paid", fake.payInvoice(invoiceId, 3000));
    expect(partial.data.object).toMatchObject({ status: "open", amount_remaining: 5900 });
    expect((await deliver(portal, partial)).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "AWAITING_PAYMENT", amountPaidCents: 3000 });
    expect(await countKeys(order.id)).toBe(0);

    const full = stripeEvent("invoice.paid", fake.payInvoice(invoiceId, 5900));
    expect((await deliver(portal, full)).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({
      status: "PAID",
      amountPaidCents: 8900,
      paymentReference: invoiceId,
    });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);

    // The partial-payment snapshot delivered again under another event id (Stripe does not order events).
    const stale = stripeEvent("invoice.paid", partial.data.object);
    expect((await deliver(portal, stale)).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID", amountPaidCents: 8900 });
    expect(await countKeys(order.id)).toBe(1);
  });

  it("applies 5 parallel copies of one invoice.paid once", async () => {
    const { user, order, invoiceId } = await invoicedOrder();
    const paid = stripeEvent("invoice.paid", fake.payInvoice(invoiceId, 8900));

    const replies = await Promise.all(Array.from({ length: 5 }, () => deliver(portal, paid)));

    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID" });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
    expect(await db().processedStripeEvent.count()).toBe(1);
  });

  it("cancels the order of a voided invoice and issues nothing", async () => {
    const { order: paidOrder, invoiceId: paidInvoice } = await invoicedOrder();
    const { order, invoiceId } = await invoicedOrder();

    expect(
      (await deliver(portal, stripeEvent("invoice.voided", fake.setInvoiceStatus(invoiceId, "void")))).status,
    ).toBe(200);
    await deliver(portal, stripeEvent("invoice.paid", fake.payInvoice(paidInvoice, 8900)));

    expect(await findOrder(order.id)).toMatchObject({ status: "CANCELLED" });
    expect(await countKeys(order.id)).toBe(0);
    expect(await findOrder(paidOrder.id)).toMatchObject({ status: "PAID" });
  });

  it("keeps an uncollectible invoice open, and issues the key once it is paid after all", async () => {
    const { user, order, invoiceId } = await invoicedOrder();

    const uncollectible = stripeEvent(
      "invoice.marked_uncollectible",
      fake.setInvoiceStatus(invoiceId, "uncollectible"),
    );
    expect((await deliver(portal, uncollectible)).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "AWAITING_PAYMENT" });
    expect(await countKeys(order.id)).toBe(0);

    const paid = stripeEvent("invoice.paid", fake.payInvoice(invoiceId, 8900));
    expect((await deliver(portal, paid)).status).toBe(200);
    expect(await deliver(portal, paid)).toEqual({ status: 200, body: { received: true } });

    expect(await findOrder(order.id)).toMatchObject({ status: "PAID" });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
    expect(await db().processedStripeEvent.count()).toBe(2);
  });

  it("settles an invoice paid before our row knows it, and a late invoice.finalized changes nothing", async () => {
    const user = await createUser();
    const order = await createReadyOrder(user);
    const held = fake.hold("POST", /^\/v1\/invoices\/[^/]+\/send$/);

    const submitting = portal.store.submitPayment(user.id, invoicePayment(order.id), fromIp());
    await held.reached;
    const [invoice] = fake.invoices.values();
    expect(await findOrder(order.id)).toMatchObject({ status: "PAYMENT_PROCESSING", stripeInvoiceId: null });
    expect(
      (await deliver(portal, stripeEvent("invoice.paid", fake.payInvoice(invoice!.id, 8900)))).status,
    ).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID" });

    held.release();
    await submitting;
    expect(
      (
        await deliver(
          portal,
          stripeEvent("invoice.finalized", { ...fake.invoice(invoice!.id), status: "open" }),
        )
      ).status,
    ).toBe(200);

    expect(await findOrder(order.id)).toMatchObject({
      status: "PAID",
      stripeInvoiceId: invoice!.id,
      invoiceNumber: invoice!.number,
      amountPaidCents: 8900,
    });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
  });

  it("puts the order back to draft when Stripe cannot be reached, and a resubmit resumes the same invoice", async () => {
    const { user, order } = await invoiceCreatedReplyLost();
    expect(await findOrder(order.id)).toMatchObject({ status: "DRAFT" });

    await portal.store.submitPayment(user.id, invoicePayment(order.id), fromIp());

    expect(fake.invoices.size).toBe(1);
    const [invoice] = fake.invoices.values();
    expect(await findOrder(order.id)).toMatchObject({
      status: "AWAITING_PAYMENT",
      stripeInvoiceId: invoice!.id,
    });
    expect(invoice!.lines.data).toHaveLength(1);
  });

  it("a paid invoice its order cannot take yet (back in draft) answers 500 unrecorded, and settles when redelivered", async () => {
    const { user, order } = await invoiceCreatedReplyLost();
    const [invoice] = fake.invoices.values();
    // The buyer pays the invoice Stripe emailed them while our row is back in draft.
    const paidInvoice = { ...invoice!, status: "paid", amount_paid: 8900, amount_remaining: 0 };
    const paid = stripeEvent("invoice.paid", paidInvoice);

    // Recording it now would lose the payment: Stripe is told to deliver it again.
    expect((await deliver(portal, paid)).status).toBe(500);
    expect(await db().processedStripeEvent.count()).toBe(0);
    expect(await findOrder(order.id)).toMatchObject({ status: "DRAFT" });

    // The order is submitted again (the same invoice), and Stripe's next delivery settles it.
    await portal.store.submitPayment(user.id, invoicePayment(order.id), fromIp());
    fake.payInvoice(invoice!.id, 8900);
    expect((await deliver(portal, paid)).status).toBe(200);
    expect(await findOrder(order.id)).toMatchObject({ status: "PAID", paymentReference: invoice!.id });
    expect(await countKeys(order.id)).toBe(1);
    expect(await countKeyEmails(user.email)).toBe(1);
    // A later copy changes nothing and is recorded as processed.
    expect((await deliver(portal, { ...paid, id: `${paid.id}-again` })).status).toBe(200);
    expect(await countKeys(order.id)).toBe(1);
  });
});
