import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import { db } from "@/lib/core/db";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe-server";
import { resetDb } from "./db";
import {
  payloadOf,
  signatureFor,
  WEBHOOK_SECRET,
  webhookRequest,
  type TestEvent,
} from "../fakes/stripe-events";

export const STRIPE_TEST_KEY = "sk_test_integration_0123456789";
const STRIPE_VARS = [
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_API_BASE_URL",
  "STRIPE_IDENTITY",
] as const;
type StripeVars = Partial<Record<(typeof STRIPE_VARS)[number], string>>;

/** The variables that send the portal's Stripe calls to `fake`. */
export function stripeEnv(fake: FakeStripe, secretKey = STRIPE_TEST_KEY): StripeVars {
  return {
    STRIPE_SECRET_KEY: secretKey,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE_URL: fake.url,
  };
}

/**
 * A fresh copy of the portal's modules that sees `vars`: env() and the Stripe client are cached per module
 * copy, as in a newly started process. Error classes belong to the copy, so expectDomainError comes with it.
 */
export async function loadPortal(vars: StripeVars) {
  /* eslint-disable no-restricted-properties -- configure the provider before the fresh env module parses it */
  for (const name of STRIPE_VARS) {
    if (vars[name]) process.env[name] = vars[name];
    else delete process.env[name];
  }
  /* eslint-enable no-restricted-properties */
  vi.resetModules();
  const store = await import("@/lib/store/service");
  const route = await import("@/app/api/webhooks/stripe/route");
  const payments = await import("@/lib/payments/payments");
  const errors = await import("./errors");
  return {
    store,
    POST: route.POST,
    PaymentProviderError: payments.PaymentProviderError,
    expectDomainError: errors.expectDomainError,
  };
}

export type Portal = Awaited<ReturnType<typeof loadPortal>>;

export function clearStripeEnv(): void {
  for (const name of STRIPE_VARS) delete process.env[name]; // eslint-disable-line no-restricted-properties
  vi.resetModules();
}

/** Posts a signed event to the webhook route, as Stripe would; returns the status and JSON body. */
export async function deliver(portal: Portal, event: TestEvent): Promise<{ status: number; body: unknown }> {
  const payload = payloadOf(event);
  return post(portal, payload, signatureFor(payload));
}

export async function post(portal: Portal, payload: string, signature: string | null) {
  const response = await portal.POST(webhookRequest(payload, signature));
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Row counts of everything a payment can write. */
export async function countRows() {
  const [orders, licenseKeys, processedEvents, auditEvents, outbox] = await Promise.all([
    db().order.count(),
    db().licenseKey.count(),
    db().processedStripeEvent.count(),
    db().auditEvent.count(),
    db().outboxMessage.count(),
  ]);
  return { orders, licenseKeys, processedEvents, auditEvents, outbox };
}

export function findOrder(id: string) {
  return db().order.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      paymentMethod: true,
      stripeCheckoutSessionId: true,
      stripeInvoiceId: true,
      invoiceNumber: true,
      invoiceDueAt: true,
      amountPaidCents: true,
      paymentReference: true,
      failureCode: true,
      cardLast4: true,
      paidAt: true,
      updatedAt: true,
    },
  });
}

export function countKeys(orderId: string) {
  return db().licenseKey.count({ where: { orderId } });
}

/** License-key emails in the local outbox for `to`. */
export function countKeyEmails(to: string) {
  return db().outboxMessage.count({ where: { to, subject: { startsWith: "Your license key" } } });
}

/**
 * The hooks every Stripe test file needs: a fake Stripe and a portal wired to it for the whole file, and a
 * clean database and fake before each test. `bind` receives both once they are up.
 */
export function withFakeStripe(bind: (fake: FakeStripe, portal: Portal) => void): void {
  let fake: FakeStripe | undefined;
  beforeAll(async () => {
    fake = await startFakeStripe();
    bind(fake, await loadPortal(stripeEnv(fake)));
  });
  afterAll(async () => {
    clearStripeEnv();
    await fake?.close();
  });
  beforeEach(async () => {
    await resetDb();
    fake?.reset();
  });
}
