import { db } from "@/lib/core/db";
import type { SubmitPaymentInput } from "@/lib/store/schemas";

// The seed's first product; the integration database is migrated but not seeded, so it is created here.
const SEED_PRODUCT = {
  sku: "PHONE-OTP-PROOFED-US-1Y",
  name: "Phone-Based One Time Password (OTP) – With Proofing – US – 1 Year",
  description: "A phone OTP credential for one year, with identity proofing for a higher assurance level.",
  kind: "CREDENTIAL",
  includesProofing: true,
  termMonths: 12,
  priceCents: 8900,
  currency: "usd",
  sortOrder: 1,
} as const;

/** The seed's credential product (created once per database). */
export async function createProduct() {
  return db().product.upsert({
    where: { sku: SEED_PRODUCT.sku },
    create: SEED_PRODUCT,
    update: {},
    select: { id: true, priceCents: true, currency: true, name: true },
  });
}

type Buyer = { id: string; email: string; firstName: string; lastName: string };

/**
 * A draft order of `user` for the seed product with Primary Information and Billing Address completed:
 * ready for submitPayment.
 */
export async function createReadyOrder(user: Buyer, overrides: { email?: string } = {}) {
  const product = await createProduct();
  return db().order.create({
    data: {
      userId: user.id,
      productId: product.id,
      amountCents: product.priceCents,
      currency: product.currency,
      firstName: user.firstName,
      lastName: user.lastName,
      email: overrides.email ?? user.email,
      phone: "+1 202 555 0143",
      addressLine1: "1 Test Street",
      city: "Arlington",
      region: "VA",
      postalCode: "22201",
      country: "US",
      infoCompletedAt: new Date(),
    },
    select: { id: true, number: true, amountCents: true, currency: true, email: true },
  });
}

/** Step 3's card form, as the schema outputs it. */
export function cardPayment(orderId: string, cardNumber = "4242424242424242"): SubmitPaymentInput {
  return {
    orderId,
    paymentMethod: "CARD",
    cardName: "Test Buyer",
    cardNumber,
    cardExpiry: "12/40",
    securityCode: "123",
  };
}

/** The Payment Method step with Stripe: Credit Card, whose details are typed on Stripe Checkout's page. */
export function checkoutPayment(orderId: string): SubmitPaymentInput {
  return { orderId, paymentMethod: "CARD" };
}

export function invoicePayment(orderId: string): SubmitPaymentInput {
  return { orderId, paymentMethod: "INVOICE" };
}
