import "server-only";
import { db, type Tx } from "@/lib/core/db";
import {
  Prisma,
  type OrderStatus,
  type PaymentMethod,
  type ProductKind,
} from "@/lib/generated/prisma/client";

export type ProductView = {
  id: string;
  sku: string;
  name: string;
  description: string;
  kind: ProductKind;
  includesProofing: boolean;
  termMonths: number;
  priceCents: number;
  currency: string;
};

const PRODUCT_SELECT = {
  id: true,
  sku: true,
  name: true,
  description: true,
  kind: true,
  includesProofing: true,
  termMonths: true,
  priceCents: true,
  currency: true,
} as const;

export function listPartners(): Promise<{ slug: string; name: string }[]> {
  return db().partner.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

export function listPartnerIds(): Promise<{ id: string; name: string }[]> {
  return db().partner.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export function findPartnerBySlug(slug: string): Promise<{ id: string; slug: string; name: string } | null> {
  return db().partner.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
}

/** Active products, all of them or those a partner offers. */
export function listProducts(partnerId?: string): Promise<ProductView[]> {
  return db().product.findMany({
    where: { isActive: true, ...(partnerId ? { partners: { some: { partnerId } } } : {}) },
    select: PRODUCT_SELECT,
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
}

export function findProduct(id: string): Promise<ProductView | null> {
  return db().product.findFirst({ where: { id, isActive: true }, select: PRODUCT_SELECT });
}

export type OrderView = {
  id: string;
  number: bigint;
  userId: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod | null;
  amountCents: number;
  currency: string;
  renewsCredentialId: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  infoCompletedAt: Date | null;
  submittedAt: Date | null;
  cardBrand: string | null;
  cardLast4: string | null;
  stripeCheckoutSessionId: string | null;
  stripeInvoiceId: string | null;
  invoiceNumber: string | null;
  invoiceDueAt: Date | null;
  amountPaidCents: number;
  paymentReference: string | null;
  failureCode: string | null;
  paidAt: Date | null;
  createdAt: Date;
  product: {
    id: string;
    name: string;
    sku: string;
    kind: ProductKind;
    includesProofing: boolean;
    termMonths: number;
  };
  partner: { name: string } | null;
  user: { email: string; firstName: string; lastName: string };
};

const ORDER_SELECT = {
  id: true,
  number: true,
  userId: true,
  status: true,
  paymentMethod: true,
  amountCents: true,
  currency: true,
  renewsCredentialId: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  company: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  infoCompletedAt: true,
  submittedAt: true,
  cardBrand: true,
  cardLast4: true,
  stripeCheckoutSessionId: true,
  stripeInvoiceId: true,
  invoiceNumber: true,
  invoiceDueAt: true,
  amountPaidCents: true,
  paymentReference: true,
  failureCode: true,
  paidAt: true,
  createdAt: true,
  product: {
    select: { id: true, name: true, sku: true, kind: true, includesProofing: true, termMonths: true },
  },
  partner: { select: { name: true } },
  user: { select: { email: true, firstName: true, lastName: true } },
} as const;

export async function insertDraftOrder(data: {
  userId: string;
  productId: string;
  partnerId: string | null;
  renewsCredentialId: string | null;
  amountCents: number;
  currency: string;
  prefill: Partial<
    Record<
      | "firstName"
      | "lastName"
      | "email"
      | "phone"
      | "company"
      | "addressLine1"
      | "addressLine2"
      | "city"
      | "region"
      | "postalCode"
      | "country",
      string | null
    >
  >;
}): Promise<{ id: string }> {
  const { prefill, ...rest } = data;
  return db().order.create({ data: { ...rest, ...prefill }, select: { id: true } });
}

export function findOrder(id: string, tx?: Tx): Promise<OrderView | null> {
  return (tx ?? db()).order.findUnique({ where: { id }, select: ORDER_SELECT });
}

/** The user's latest order with a billing address, to prefill the next one. */
export function findLatestBilling(userId: string) {
  return db().order.findFirst({
    where: { userId, infoCompletedAt: { not: null } },
    orderBy: { createdAt: "desc" },
    select: {
      phone: true,
      company: true,
      addressLine1: true,
      addressLine2: true,
      city: true,
      region: true,
      postalCode: true,
      country: true,
    },
  });
}

export function listOrdersForUser(userId: string): Promise<OrderView[]> {
  return db().order.findMany({
    where: { userId, status: { not: "DRAFT" } },
    select: ORDER_SELECT,
    orderBy: { createdAt: "desc" },
  });
}

export function listOpenInvoices(): Promise<OrderView[]> {
  return db().order.findMany({
    where: { status: "AWAITING_PAYMENT", paymentMethod: "INVOICE" },
    select: ORDER_SELECT,
    orderBy: { createdAt: "asc" },
  });
}

/** Every user's orders, newest first, optionally in one status (support's Orders page). */
export function listAllOrders(status: OrderStatus | undefined, take: number): Promise<OrderView[]> {
  return db().order.findMany({
    where: status ? { status } : {},
    select: ORDER_SELECT,
    orderBy: { createdAt: "desc" },
    take,
  });
}

/** Changes an order only while it is editable; returns whether it was. */
export async function updateEditableOrder(
  id: string,
  data: Prisma.OrderUncheckedUpdateManyInput,
): Promise<boolean> {
  const { count } = await db().order.updateMany({
    where: { id, status: { in: ["DRAFT", "PAYMENT_FAILED"] } },
    data,
  });
  return count === 1;
}

/**
 * Moves an order from one of `from` to `to` with one row update; false when another request got there
 * first. This is what makes double submits and duplicate events harmless.
 */
export async function transitionOrder(
  id: string,
  from: OrderStatus[],
  to: OrderStatus,
  data: Prisma.OrderUpdateManyMutationInput,
  tx?: Tx,
  also: Prisma.OrderWhereInput = {},
): Promise<boolean> {
  const { count } = await (tx ?? db()).order.updateMany({
    where: { ...also, id, status: { in: from } },
    data: { ...data, status: to },
  });
  return count === 1;
}

/**
 * Card orders taken for payment (PAYMENT_PROCESSING) before `before` that never reached the processor: no
 * Checkout Session was recorded, so no payment page was ever shown. Back to DRAFT, so the buyer can pay again;
 * returns their ids. Invoice orders are left alone: Stripe may have emailed an invoice whose reply was lost.
 */
export async function releaseStuckSubmissions(before: Date, now: Date): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    UPDATE orders SET status = 'DRAFT', "submittedAt" = NULL, "updatedAt" = ${now}
     WHERE status = 'PAYMENT_PROCESSING' AND "paymentMethod" = 'CARD' AND "stripeCheckoutSessionId" IS NULL
       AND "submittedAt" < ${before}
    RETURNING id`;
  return rows.map((r) => r.id);
}

export async function updateOrder(
  id: string,
  data: Prisma.OrderUpdateManyMutationInput,
  tx?: Tx,
): Promise<void> {
  await (tx ?? db()).order.updateMany({ where: { id }, data });
}
