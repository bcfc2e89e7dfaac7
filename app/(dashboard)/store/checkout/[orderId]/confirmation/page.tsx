import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { PageCard } from "@/components/layout/page-card";
import { StepIndicator } from "@/components/layout/step-indicator";
import { Notice } from "@/components/ui/notice";
import { revealLatestKey } from "@/lib/licensing/service";
import { CHECKOUT_STEPS, formatMoney, formatOrderNumber, isCheckoutOpen } from "@/lib/store/store";
import { ActivateForm } from "../../../../licenses/activate/activate-form";
import { loadCheckoutStep } from "../load-step";
import { OrderSummary } from "../order-summary";
import { formatDate } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Purchase confirmation" };

export default async function ConfirmationPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<{ session_id?: string }>;
}) {
  const { order } = await loadCheckoutStep(params, "confirmation");
  // Stripe Checkout sends the buyer here once they have paid; the webhook that settles the order may be later.
  const backFromCheckout =
    isCheckoutOpen(order) && (await searchParams).session_id === order.stripeCheckoutSessionId;
  const key = order.status === "PAID" && !order.renewsCredentialId ? await revealLatestKey(order.id) : null;
  return (
    <PageCard title="Web Store" wide>
      <StepIndicator steps={CHECKOUT_STEPS} current="confirmation" label="Purchase steps" />
      <OrderSummary order={order} />
      {order.status === "PAYMENT_PROCESSING" ? (
        <>
          <AutoRefresh />
          <Notice tone="info">
            {backFromCheckout
              ? "Payment received, your license key is on its way. This page updates by itself."
              : "We are confirming your payment. This page updates by itself."}
          </Notice>
          {isCheckoutOpen(order) && !backFromCheckout ? (
            <Link href={`/store/checkout/${order.id}/payment`} className="text-brand-700 underline">
              Back to Payment Method
            </Link>
          ) : null}
        </>
      ) : null}
      {order.status === "AWAITING_PAYMENT" ? (
        <section aria-labelledby="invoice-heading" className="space-y-3">
          <h2 id="invoice-heading" className="text-xl font-semibold">
            Thank you for your order
          </h2>
          <p>
            Invoice <strong>{order.invoiceNumber}</strong> for{" "}
            {formatMoney(order.amountCents, order.currency)} is due on{" "}
            {order.invoiceDueAt ? formatDate(order.invoiceDueAt, await readerTimeZone()) : null}.
          </p>
          <Notice tone="info">
            Awaiting payment: we must receive full payment before you receive your license key. We will email
            the key to {order.email} as soon as the invoice is paid.
          </Notice>
          <Link href={`/account/orders/${order.id}/invoice`} className="text-brand-700 underline">
            View invoice
          </Link>
        </section>
      ) : null}
      {order.status === "PAID" && order.renewsCredentialId ? (
        <Notice tone="success">
          Thank you for your payment. Your credential is renewed for another year.
        </Notice>
      ) : null}
      {order.status === "PAID" && key ? (
        <section aria-labelledby="key-heading" className="space-y-4">
          <h2 id="key-heading" className="text-xl font-semibold">
            Thank you for your purchase
          </h2>
          {key.key ? (
            <>
              <p>Your license key for order {formatOrderNumber(order.number)}:</p>
              <p className="font-mono text-xl tracking-wider" aria-label="License Key">
                {key.key}
              </p>
              <p className="text-sm text-slate-700">
                We also emailed it to {order.email}. Activate it now, or later from your MAG account with the
                Enter it here link on the dashboard.
              </p>
              <ActivateForm licenseKey={key.key} />
            </>
          ) : (
            <p>
              Your license key ending in <strong>{key.hint}</strong> was emailed to {order.email}
              {key.status === "ACTIVATED" ? " and is activated" : ""}.
            </p>
          )}
        </section>
      ) : null}
      {order.status === "CANCELLED" ? <Notice tone="error">This order was cancelled.</Notice> : null}
    </PageCard>
  );
}
