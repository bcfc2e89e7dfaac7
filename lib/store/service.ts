import "server-only";
import { getProfile } from "@/lib/accounts/service";
import { recordAudit } from "@/lib/audit/service";
import { DomainError } from "@/lib/core/errors";
import { logger } from "@/lib/core/logger";
import type { Role } from "@/lib/generated/prisma/client";
import { findRenewableCredential, hasUpgradableCredential } from "@/lib/licensing/service";
import {
  cardProcessor,
  invoiceIssuer,
  isCardPaidThroughCheckout,
  PaymentProviderError,
} from "@/lib/payments/service";
import { failCardPayment, fulfilOrder } from "@/lib/payments/settlement";
import type { RequestInfo } from "@/lib/core/caller";
import { leaveCheckout, sendToCheckout } from "./card-checkout";
import * as repo from "./repository";
import type { SaveOrderInformationInput, StartOrderInput, SubmitPaymentInput } from "./schemas";
import { cardExpiryProblem } from "./schemas";
import {
  formatInvoiceNumber,
  formatOrderNumber,
  INVOICE_DAYS_DUE,
  isCheckoutOpen,
  isEditable,
  isStepAllowed,
  latestAllowedStep,
  nextCheckoutStep,
  type CheckoutStep,
  type OrderStatus,
} from "./store";

export type { OrderView, ProductView } from "./repository";

export const ALL_PARTNERS = "all";

/** The store's Partner menu and the products for the choice; the upgrade only for those it applies to. */
export async function getCatalog(userId: string, partnerSlug: string | undefined) {
  const partners = await repo.listPartners();
  const partner =
    partnerSlug && partnerSlug !== ALL_PARTNERS ? await repo.findPartnerBySlug(partnerSlug) : null;
  const products = await repo.listProducts(partner?.id);
  const canUpgrade =
    products.some((p) => p.kind === "PROOFING_UPGRADE") && (await hasUpgradableCredential(userId));
  return {
    partners,
    selectedPartner: partner?.slug ?? ALL_PARTNERS,
    products: products.filter((p) => p.kind !== "PROOFING_UPGRADE" || canUpgrade),
  };
}

async function requireOwnOrder(userId: string, orderId: string) {
  const order = await repo.findOrder(orderId);
  if (!order || order.userId !== userId) throw new DomainError("store.order_not_found");
  return order;
}

/**
 * Step 1: the chosen product starts a draft order prefilled from the profile and the last billing
 * address, or changes the product of the user's draft when they came back to this step.
 */
export async function startOrder(
  userId: string,
  input: StartOrderInput,
): Promise<{ orderId: string; next: CheckoutStep }> {
  const product = await repo.findProduct(input.productId);
  if (!product) throw new DomainError("store.product_unavailable");
  let renewsCredentialId: string | null = null;
  if (input.renew) {
    const credential = await findRenewableCredential(userId, input.renew);
    if (!credential || credential.productId !== product.id)
      throw new DomainError("store.product_unavailable");
    renewsCredentialId = credential.id;
  } else if (product.kind === "PROOFING_UPGRADE" && !(await hasUpgradableCredential(userId))) {
    throw new DomainError("store.product_unavailable");
  }
  const partner =
    input.partner && input.partner !== ALL_PARTNERS ? await repo.findPartnerBySlug(input.partner) : null;

  if (input.orderId) {
    await requireOwnOrder(userId, input.orderId);
    const changed = await repo.updateEditableOrder(input.orderId, {
      productId: product.id,
      partnerId: partner?.id ?? null,
      amountCents: product.priceCents,
      currency: product.currency,
    });
    if (!changed) throw new DomainError("store.order_locked");
    return {
      orderId: input.orderId,
      next: nextCheckoutStep("product", { status: "DRAFT", infoCompletedAt: null }),
    };
  }

  const profile = await getProfile(userId);
  const billing = await repo.findLatestBilling(userId);
  const { id } = await repo.insertDraftOrder({
    userId,
    productId: product.id,
    partnerId: partner?.id ?? null,
    renewsCredentialId,
    amountCents: product.priceCents,
    currency: product.currency,
    prefill: {
      firstName: profile.firstName,
      lastName: profile.lastName,
      email: profile.email,
      country: billing?.country ?? profile.country,
      phone: billing?.phone ?? null,
      company: billing?.company ?? null,
      addressLine1: billing?.addressLine1 ?? null,
      addressLine2: billing?.addressLine2 ?? null,
      city: billing?.city ?? null,
      region: billing?.region ?? null,
      postalCode: billing?.postalCode ?? null,
    },
  });
  return { orderId: id, next: nextCheckoutStep("product", { status: "DRAFT", infoCompletedAt: null }) };
}

export type CheckoutPage =
  { allowed: true; order: repo.OrderView } | { allowed: false; redirectTo: CheckoutStep; orderId: string };

/** Loads the user's order for a checkout step, or names the step to go to instead. */
export async function getCheckoutStep(
  userId: string,
  orderId: string,
  step: CheckoutStep,
): Promise<CheckoutPage> {
  const order = await requireOwnOrder(userId, orderId);
  if (!isStepAllowed(step, order)) return { allowed: false, redirectTo: latestAllowedStep(order), orderId };
  return { allowed: true, order };
}

/** Step 2: Primary Information and Billing Address. */
export async function saveOrderInformation(
  userId: string,
  input: SaveOrderInformationInput,
): Promise<{ next: CheckoutStep }> {
  const order = await requireOwnOrder(userId, input.orderId);
  const { orderId, ...fields } = input;
  const infoCompletedAt = new Date();
  const saved = await repo.updateEditableOrder(orderId, { ...fields, infoCompletedAt });
  if (!saved) throw new DomainError("store.order_locked");
  return { next: nextCheckoutStep("information", { status: order.status, infoCompletedAt }) };
}

/** Where the buyer goes after submitting: a checkout step, or Stripe Checkout's page (`redirectTo`). */
export type SubmitOutcome = { orderId: string; next: CheckoutStep; redirectTo?: string };

/** A submitted order is no longer editable: after the payment step it shows only its confirmation. */
const submitted = (orderId: string): SubmitOutcome => ({
  orderId,
  next: nextCheckoutStep("payment", { status: "PAYMENT_PROCESSING", infoCompletedAt: new Date() }),
});

/**
 * Step 3: pays by card or opens an invoice. Concurrent submits of one order charge once: only the request
 * that moves the order out of its editable state goes on; the others just see the result. With Stripe, a
 * card is paid on Stripe Checkout's page; a buyer back from there without paying may submit again.
 */
export async function submitPayment(
  userId: string,
  input: SubmitPaymentInput,
  request: RequestInfo,
  now = new Date(),
): Promise<SubmitOutcome> {
  let order = await requireOwnOrder(userId, input.orderId);
  if (isCheckoutOpen(order)) {
    if ((await leaveCheckout(order)) === "paid") return submitted(order.id);
    order = await requireOwnOrder(userId, input.orderId);
  }
  if (!isEditable(order.status)) return submitted(order.id);
  if (!order.infoCompletedAt) throw new DomainError("store.step_not_ready");
  const card =
    input.paymentMethod === "CARD" && !isCardPaidThroughCheckout() ? cardDetails(input, now) : null;
  const won = await repo.transitionOrder(order.id, ["DRAFT", "PAYMENT_FAILED"], "PAYMENT_PROCESSING", {
    paymentMethod: input.paymentMethod,
    submittedAt: now,
    failureCode: null,
  });
  if (!won) return submitted(order.id);
  await recordAudit({
    type: "ORDER_SUBMITTED",
    result: "SUCCESS",
    actorId: userId,
    subjectUserId: userId,
    ...request,
    detail: { orderId: order.id, method: input.paymentMethod },
  });
  if (input.paymentMethod === "INVOICE") await openInvoice(order, now);
  else if (card) await chargeCard(order, card, now);
  else {
    const redirectTo = await sendToCheckout(order);
    if (redirectTo) return { ...submitted(order.id), redirectTo };
  }
  return submitted(order.id);
}

type CardInput = Extract<SubmitPaymentInput, { cardNumber: string }>;

/** Our own card form (demo mode): its fields are required and the card must not have expired. */
function cardDetails(input: SubmitPaymentInput, now: Date): CardInput {
  if (!("cardNumber" in input)) {
    throw new DomainError("input.invalid", { fieldErrors: { cardNumber: "Enter the card number." } });
  }
  const problem = cardExpiryProblem(input.cardExpiry, now);
  if (problem) throw new DomainError("input.invalid", { fieldErrors: { cardExpiry: problem } });
  return input;
}

async function openInvoice(order: repo.OrderView, now: Date) {
  try {
    const invoice = await invoiceIssuer().open(
      {
        orderId: order.id,
        orderNumber: formatOrderNumber(order.number),
        invoiceNumber: formatInvoiceNumber(order.number),
        amountCents: order.amountCents,
        currency: order.currency,
        email: order.email ?? order.user.email,
        name: `${order.firstName ?? ""} ${order.lastName ?? ""}`.trim(),
        description: order.product.name,
        daysUntilDue: INVOICE_DAYS_DUE,
      },
      now,
    );
    const fields = {
      invoiceNumber: invoice.invoiceNumber,
      invoiceDueAt: invoice.dueAt,
      stripeInvoiceId: invoice.stripeInvoiceId,
    };
    // A webhook (invoice.paid) may have settled the order before this reply came back: keep its status.
    if (!(await repo.transitionOrder(order.id, ["PAYMENT_PROCESSING"], "AWAITING_PAYMENT", fields))) {
      await repo.updateOrder(order.id, fields);
    }
  } catch (error) {
    await repo.transitionOrder(order.id, ["PAYMENT_PROCESSING"], "DRAFT", { submittedAt: null });
    if (error instanceof PaymentProviderError) throw new DomainError("payments.processor_unavailable");
    throw error;
  }
}

async function chargeCard(order: repo.OrderView, input: CardInput, now: Date) {
  const [mm, yy] = input.cardExpiry.split("/").map((s) => Number(s.trim()));
  let result;
  try {
    result = await cardProcessor().charge({
      orderId: order.id,
      orderNumber: formatOrderNumber(order.number),
      amountCents: order.amountCents,
      currency: order.currency,
      email: order.email ?? order.user.email,
      // One idempotency key per submission: retries of it reuse the key, a new submission gets a new one.
      attempt: String(now.getTime()),
      card: {
        name: input.cardName,
        number: input.cardNumber,
        expMonth: mm!,
        expYear: 2000 + yy!,
        cvc: input.securityCode,
      },
    });
  } catch (error) {
    const failed = await repo.transitionOrder(order.id, ["PAYMENT_PROCESSING"], "PAYMENT_FAILED", {
      failureCode: "payments.processor_unavailable",
    });
    if (error instanceof PaymentProviderError) {
      // The reply was lost, yet a webhook already settled the order: its status now tells the buyer.
      if (!failed) return;
      throw new DomainError("payments.processor_unavailable");
    }
    throw error;
  }
  await repo.updateOrder(order.id, { cardBrand: result.brand, cardLast4: result.last4 });
  if (result.outcome === "succeeded") {
    await fulfilOrder(order.id, { reference: result.reference, amountPaidCents: order.amountCents }, {}, now);
  } else {
    await failCardPayment(order.id, result.code, {}, now);
    throw new DomainError(result.code, { fieldErrors: { cardNumber: "This card was not accepted." } });
  }
}

export function listOrders(userId: string) {
  return repo.listOrdersForUser(userId);
}

export async function getOrder(userId: string, orderId: string) {
  return requireOwnOrder(userId, orderId);
}

/** An invoice for its buyer or for staff; null for anyone else. */
export async function getInvoice(viewer: { userId: string; role: Role }, orderId: string) {
  const order = await repo.findOrder(orderId);
  if (!order || !order.invoiceNumber) return null;
  if (order.userId !== viewer.userId && viewer.role !== "SUPPORT" && viewer.role !== "ADMIN") return null;
  return order;
}

export function listOpenInvoices() {
  return repo.listOpenInvoices();
}

/** The newest 200 orders of all users, in `status` when given (support's Orders page). */
export function listAllOrders(status?: OrderStatus) {
  return repo.listAllOrders(status, 200);
}

/** The proofing upgrade the user can buy (user guide "Add Proofing Upgrade"), or null when none applies. */
export async function findUpgradeOffer(userId: string) {
  if (!(await hasUpgradableCredential(userId))) return null;
  const upgrade = (await repo.listProducts(undefined)).find((p) => p.kind === "PROOFING_UPGRADE");
  return upgrade
    ? {
        productId: upgrade.id,
        name: upgrade.name,
        priceCents: upgrade.priceCents,
        currency: upgrade.currency,
      }
    : null;
}

/** The store's partners, for linking a partner application to its partner. */
export function listPartnerChoices() {
  return repo.listPartnerIds();
}

/** How long a payment submission may take before it counts as lost (its process died on the way). */
const STUCK_SUBMISSION_MINUTES = 15;

/**
 * Card orders whose submission never reached the payment processor (the process was killed between taking
 * the order and asking Stripe) go back to DRAFT, so the buyer can pay again (reliability case S4). Orders with
 * a Checkout Session are Stripe's to settle (its webhooks, expiry included); invoice orders are support's.
 */
export async function releaseStuckSubmissions(now: Date): Promise<number> {
  const released = await repo.releaseStuckSubmissions(
    new Date(now.getTime() - STUCK_SUBMISSION_MINUTES * 60_000),
    now,
  );
  for (const orderId of released)
    logger().warn({ orderId }, "a payment submission that never reached the processor was released");
  return released.length;
}
