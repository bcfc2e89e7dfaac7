import "server-only";
import { createHash } from "node:crypto";
import { cardBrand } from "@/lib/store/store";
import type {
  CardCharge,
  CardProcessor,
  CardResult,
  InvoiceIssuer,
  InvoiceRequest,
  OpenedInvoice,
} from "./payments";
import { PaymentProviderError } from "./payments";
import { isStripeTestMode, Stripe, stripe } from "./stripe-client";

// Raw card numbers never go to Stripe's API. In test mode, Stripe's documented test numbers stand for the
// test PaymentMethods that behave the same way; live card entry needs Stripe Elements (see ADR 008).
const TEST_PAYMENT_METHODS: Record<string, string> = {
  "4242424242424242": "pm_card_visa",
  "5555555555554444": "pm_card_mastercard",
  "4000000000000002": "pm_card_chargeDeclined",
  "4000000000009995": "pm_card_chargeDeclinedInsufficientFunds",
};

// The payment_intent.succeeded (or .payment_failed) webhook settles these; a key is never issued here.
const SETTLED_BY_WEBHOOK = new Set(["succeeded", "processing", "requires_action"]);

export function stripeCardProcessor(): CardProcessor {
  return { charge: chargeCard };
}

async function chargeCard(charge: CardCharge): Promise<CardResult> {
  const brand = cardBrand(charge.card.number);
  const last4 = charge.card.number.slice(-4);
  if (!isStripeTestMode()) {
    throw new PaymentProviderError(
      "Live card entry needs Stripe Elements, which is not built yet: the server does not send card numbers to Stripe",
    );
  }
  const paymentMethod = TEST_PAYMENT_METHODS[charge.card.number];
  if (!paymentMethod) return { outcome: "failed", code: "payments.card_not_accepted", brand, last4 };
  try {
    const intent = await stripe().paymentIntents.create(
      {
        amount: charge.amountCents,
        currency: charge.currency,
        confirm: true,
        payment_method: paymentMethod,
        // Confirmed server-side with no page to come back to: Stripe needs a return_url unless redirects are off.
        automatic_payment_methods: { enabled: true, allow_redirects: "never" },
        metadata: { orderId: charge.orderId, attempt: charge.attempt },
        receipt_email: charge.email,
        description: `Order ${charge.orderNumber}`,
      },
      // Stable per attempt: a retried request (double click, network retry) returns the same PaymentIntent.
      { idempotencyKey: `order-${charge.orderId}-${charge.attempt}` },
    );
    if (SETTLED_BY_WEBHOOK.has(intent.status))
      return { outcome: "pending", paymentIntentId: intent.id, brand, last4 };
    return { outcome: "failed", code: "payments.card_declined", brand, last4, paymentIntentId: intent.id };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      const code =
        error.decline_code === "insufficient_funds"
          ? "payments.insufficient_funds"
          : "payments.card_declined";
      const paymentIntentId = error.payment_intent?.id;
      return { outcome: "failed", code, brand, last4, ...(paymentIntentId && { paymentIntentId }) };
    }
    throw providerError(error);
  }
}

export function stripeInvoiceIssuer(): InvoiceIssuer {
  return { open: openInvoice };
}

/**
 * Customer → draft invoice → its line → finalize → send. The item is attached to the draft (not left
 * pending on the customer), so two open orders of one customer never share lines.
 */
async function openInvoice(request: InvoiceRequest, now: Date): Promise<OpenedInvoice> {
  const api = stripe();
  // Keyed by order and by what is billed: a retry after a failure resumes the same Stripe objects, while an
  // order whose product or billing email changed since gets new ones instead of an idempotency error.
  const billed = createHash("sha256")
    .update(
      JSON.stringify([
        request.amountCents,
        request.currency,
        request.email,
        request.name,
        request.description,
      ]),
    )
    .digest("hex")
    .slice(0, 16);
  const key = (step: string) => `order-${request.orderId}-invoice-${billed}-${step}`;
  try {
    const customerId = await findOrCreateCustomer(request, key("customer"));
    const draft = await api.invoices.create(
      {
        customer: customerId,
        collection_method: "send_invoice",
        days_until_due: request.daysUntilDue,
        currency: request.currency,
        auto_advance: true,
        description: `Order ${request.orderNumber}`,
        metadata: { orderId: request.orderId },
      },
      { idempotencyKey: key("create") },
    );
    await api.invoiceItems.create(
      {
        customer: customerId,
        invoice: draft.id,
        amount: request.amountCents,
        currency: request.currency,
        description: request.description,
        metadata: { orderId: request.orderId },
      },
      { idempotencyKey: key("item") },
    );
    await api.invoices.finalizeInvoice(draft.id, {}, { idempotencyKey: key("finalize") });
    const sent = await api.invoices.sendInvoice(draft.id, {}, { idempotencyKey: key("send") });
    return {
      invoiceNumber: sent.number ?? request.invoiceNumber,
      dueAt: sent.due_date
        ? new Date(sent.due_date * 1000)
        : new Date(now.getTime() + request.daysUntilDue * 86_400_000),
      stripeInvoiceId: sent.id,
    };
  } catch (error) {
    throw providerError(error);
  }
}

async function findOrCreateCustomer(request: InvoiceRequest, idempotencyKey: string): Promise<string> {
  const api = stripe();
  const existing = await api.customers.list({ email: request.email, limit: 1 });
  if (existing.data[0]) return existing.data[0].id;
  const created = await api.customers.create(
    { email: request.email, ...(request.name && { name: request.name }) },
    { idempotencyKey },
  );
  return created.id;
}

/** Stripe's refusals and outages become PaymentProviderError (handled by the store); our own bugs stay as they are. */
function providerError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const type = error.rawType ?? error.type;
  const detail = error.code ? `${type}/${error.code}` : type;
  return new PaymentProviderError(`Stripe refused the request (${detail}): ${error.message}`);
}
