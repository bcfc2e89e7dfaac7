import { beforeEach, describe, expect, it } from "vitest";
import { activateLicenseKey, listCredentials } from "@/lib/licensing/service";
import { markInvoicePaid } from "@/lib/payments/settlement";
import {
  getCatalog,
  getCheckoutStep,
  releaseStuckSubmissions,
  saveOrderInformation,
  startOrder,
  submitPayment,
} from "@/lib/store/service";
import { createCatalog } from "../factories/catalog";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { outboxFor } from "../setup/outbox";
import { buyWithCard, latestKeyFor } from "../setup/purchase";

const PAID_REASON = { reason: "Wire seen on the bank statement", confirm: "on" as const };

let catalog: Awaited<ReturnType<typeof createCatalog>>;

beforeEach(async () => {
  await resetDb();
  catalog = await createCatalog();
});

const billing = (orderId: string) => ({
  orderId,
  firstName: "Test",
  lastName: "Buyer",
  email: "buyer@example.test",
  phone: "+1 202 555 0143",
  company: null,
  addressLine1: "1 Test Street",
  addressLine2: null,
  city: "Arlington",
  region: "VA",
  postalCode: "22201",
  country: "US",
});

describe("the checkout step graph", () => {
  it("sends a step whose predecessors are not done back to the latest allowed one", async () => {
    const user = await createUser();
    const { orderId } = await startOrder(user.id, { productId: catalog.withoutProofing });
    expect(await getCheckoutStep(user.id, orderId, "payment")).toMatchObject({
      allowed: false,
      redirectTo: "information",
    });
    expect(await getCheckoutStep(user.id, orderId, "confirmation")).toMatchObject({
      allowed: false,
      redirectTo: "information",
    });
    await expectDomainError(
      submitPayment(user.id, { orderId, paymentMethod: "INVOICE" }, fromIp()),
      "store.step_not_ready",
    );

    await saveOrderInformation(user.id, billing(orderId));
    expect(await getCheckoutStep(user.id, orderId, "payment")).toMatchObject({ allowed: true });
    expect(await getCheckoutStep(user.id, orderId, "information")).toMatchObject({ allowed: true });

    await submitPayment(user.id, { orderId, paymentMethod: "INVOICE" }, fromIp());
    expect(await getCheckoutStep(user.id, orderId, "payment")).toMatchObject({
      allowed: false,
      redirectTo: "confirmation",
    });
    await expectDomainError(saveOrderInformation(user.id, billing(orderId)), "store.order_locked");
  });

  it("prefills a new order from the profile and the last billing address", async () => {
    const user = await createUser({ firstName: "Pat", lastName: "Lee", country: "CA" });
    const first = await startOrder(user.id, { productId: catalog.withoutProofing });
    const page = await getCheckoutStep(user.id, first.orderId, "information");
    expect(page.allowed && page.order).toMatchObject({
      firstName: "Pat",
      lastName: "Lee",
      email: user.email,
      country: "CA",
    });
    await saveOrderInformation(user.id, billing(first.orderId));
    const second = await startOrder(user.id, { productId: catalog.withProofing });
    const next = await getCheckoutStep(user.id, second.orderId, "information");
    expect(next.allowed && next.order).toMatchObject({
      addressLine1: "1 Test Street",
      city: "Arlington",
      country: "US",
    });
  });

  it("hides one user's order from another", async () => {
    const owner = await createUser();
    const other = await createUser();
    const { orderId } = await startOrder(owner.id, { productId: catalog.withoutProofing });
    await expectDomainError(getCheckoutStep(other.id, orderId, "information"), "store.order_not_found");
    await expectDomainError(saveOrderInformation(other.id, billing(orderId)), "store.order_not_found");
  });
});

describe("paying by invoice without Stripe", () => {
  it("issues no key until support records full payment, then exactly one, by email", async () => {
    const buyer = await createUser();
    const support = await createUser({ role: "SUPPORT" });
    const { orderId } = await startOrder(buyer.id, { productId: catalog.withProofing });
    await saveOrderInformation(buyer.id, { ...billing(orderId), email: buyer.email });
    const now = new Date("2026-11-29T10:00:00Z");
    await submitPayment(buyer.id, { orderId, paymentMethod: "INVOICE" }, fromIp(), now);

    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("AWAITING_PAYMENT");
    expect(order.invoiceNumber).toMatch(/^INV-\d{6}$/);
    expect(order.invoiceDueAt?.toISOString()).toBe("2026-12-29T10:00:00.000Z");
    expect(await db().licenseKey.count()).toBe(0);

    const partial = await expectDomainError(
      markInvoicePaid(
        support.id,
        { orderId, paymentReference: "WIRE-1", amountPaid: "50.00", ...PAID_REASON },
        fromIp(),
      ),
      "payments.amount_mismatch",
    );
    expect(partial.details.fieldErrors?.amountPaid).toContain("89.00");
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("AWAITING_PAYMENT");

    await markInvoicePaid(
      support.id,
      { orderId, paymentReference: "WIRE-1", amountPaid: "89.00", ...PAID_REASON },
      fromIp(),
    );
    const paid = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(paid).toMatchObject({ status: "PAID", paymentReference: "WIRE-1", amountPaidCents: 8900 });
    expect(await db().licenseKey.count()).toBe(1);
    await latestKeyFor(buyer.email);
    await expectDomainError(
      markInvoicePaid(
        support.id,
        { orderId, paymentReference: "WIRE-1", amountPaid: "89.00", ...PAID_REASON },
        fromIp(),
      ),
      "payments.invoice_not_open",
    );
    expect(await db().licenseKey.count()).toBe(1);
  });
});

describe("renewal and the proofing upgrade", () => {
  it("offers Renew only in the last 30 days, and a paid renewal adds a year without a new key", async () => {
    const user = await createUser();
    const bought = new Date("2026-01-10T00:00:00Z");
    await buyWithCard(user, catalog.withoutProofing);
    const { credentialId } = await activateLicenseKey(
      user.id,
      await latestKeyFor(user.email),
      fromIp(),
      bought,
    );

    expect((await listCredentials(user.id, new Date("2026-12-01T00:00:00Z")))[0]!.canRenew).toBe(false);
    await expectDomainError(
      startOrder(user.id, { productId: catalog.withoutProofing, renew: credentialId }),
      "store.product_unavailable",
    );

    const inWindow = new Date("2026-12-20T00:00:00Z");
    expect((await listCredentials(user.id, inWindow))[0]!.canRenew).toBe(true);
    await db().credential.update({
      where: { id: credentialId },
      data: { expiresAt: new Date(Date.now() + 10 * 86_400_000) },
    });
    const oldExpiry = (await db().credential.findUniqueOrThrow({ where: { id: credentialId } })).expiresAt;
    const keysBefore = await db().licenseKey.count();
    await buyWithCard(user, catalog.withoutProofing, { renew: credentialId });

    const renewed = await db().credential.findUniqueOrThrow({ where: { id: credentialId } });
    const expected = new Date(oldExpiry);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(renewed.expiresAt.toISOString()).toBe(expected.toISOString());
    expect(await db().licenseKey.count()).toBe(keysBefore);
  });

  it("sells the proofing upgrade only to holders of an unproofed credential, and applies it on activation", async () => {
    const user = await createUser();
    expect((await getCatalog(user.id, undefined)).products.map((p) => p.id)).not.toContain(catalog.upgrade);
    await expectDomainError(startOrder(user.id, { productId: catalog.upgrade }), "store.product_unavailable");

    await buyWithCard(user, catalog.withoutProofing);
    const { credentialId } = await activateLicenseKey(user.id, await latestKeyFor(user.email), fromIp());
    expect((await getCatalog(user.id, undefined)).products.map((p) => p.id)).toContain(catalog.upgrade);

    await buyWithCard(user, catalog.upgrade);
    const upgrade = await activateLicenseKey(user.id, await latestKeyFor(user.email), fromIp());
    expect(upgrade).toEqual({ credentialId, status: "PROOFING_REQUIRED", isUpgrade: true });
    expect((await getCatalog(user.id, undefined)).products.map((p) => p.id)).not.toContain(catalog.upgrade);
  });

  it("keeps an upgrade key unused when the person activating it has nothing to upgrade", async () => {
    const holder = await createUser();
    const stranger = await createUser();
    await buyWithCard(holder, catalog.withoutProofing);
    await activateLicenseKey(holder.id, await latestKeyFor(holder.email), fromIp());
    await buyWithCard(holder, catalog.upgrade);
    const key = await latestKeyFor(holder.email);
    await expectDomainError(
      activateLicenseKey(stranger.id, key, fromIp()),
      "licensing.upgrade_not_applicable",
    );
    await expect(activateLicenseKey(holder.id, key, fromIp())).resolves.toMatchObject({ isUpgrade: true });
    expect(
      (await outboxFor(holder.email)).filter((m) => m.subject?.startsWith("Your license key")),
    ).toHaveLength(2);
  });
});

// Reliability case S4: a process killed after it took the order for payment but before the processor heard of
// it leaves the order PAYMENT_PROCESSING with nothing to settle it; the upkeep job gives it back to the buyer.
describe("a payment submission that never reached the processor", () => {
  it("a card submission goes back to the buyer after 15 minutes; recent, Stripe-held and invoice ones stay", async () => {
    const buyer = await createUser();
    const now = new Date();
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    const order = async (fields: Record<string, unknown>) => {
      const { orderId } = await startOrder(buyer.id, { productId: catalog.withoutProofing });
      await db().order.update({ where: { id: orderId }, data: { status: "PAYMENT_PROCESSING", ...fields } });
      return orderId;
    };
    const card = { paymentMethod: "CARD" as const };
    const lost = await order({ ...card, submittedAt: minutesAgo(16) });
    const recent = await order({ ...card, submittedAt: minutesAgo(5) });
    const atStripe = await order({
      ...card,
      submittedAt: minutesAgo(60),
      stripeCheckoutSessionId: "cs_test_stuck",
    });
    // An invoice Stripe may have emailed although its reply was lost: support's to look at, not the sweeper's.
    const invoiced = await order({ paymentMethod: "INVOICE", submittedAt: minutesAgo(60) });

    expect(await releaseStuckSubmissions(now)).toBe(1);
    const statusOf = async (id: string) => (await db().order.findUniqueOrThrow({ where: { id } })).status;
    expect(await Promise.all([lost, recent, atStripe, invoiced].map(statusOf))).toEqual([
      "DRAFT",
      "PAYMENT_PROCESSING",
      "PAYMENT_PROCESSING",
      "PAYMENT_PROCESSING",
    ]);
    expect(await releaseStuckSubmissions(now)).toBe(0);

    // Nothing is left in the way of the buyer paying again.
    await buyWithCard(buyer, catalog.withoutProofing);
    expect(await db().order.count({ where: { userId: buyer.id, status: "PAID" } })).toBe(1);
  });
});
