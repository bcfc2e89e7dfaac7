import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { StepIndicator } from "@/components/layout/step-indicator";
import { errorMessage, isErrorCode } from "@/lib/errors/catalog";
import { Notice } from "@/components/ui/notice";
import { isCardPaidThroughCheckout } from "@/lib/payments/service";
import { currentVerification } from "@/lib/proofing/verification-service";
import { CHECKOUT_STEPS, isCheckoutOpen } from "@/lib/store/store";
import { loadCheckoutStep } from "../load-step";
import { OrderSummary } from "../order-summary";
import { PaymentForm } from "./payment-form";
import { formatDate } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Payment Method" };

export default async function PaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<{ checkout?: string }>;
}) {
  const { order, session } = await loadCheckoutStep(params, "payment");
  const verified = order.product.includesProofing ? await currentVerification(session.userId) : null;
  const { checkout } = await searchParams;
  const failure =
    order.status === "PAYMENT_FAILED" && order.failureCode && isErrorCode(order.failureCode)
      ? errorMessage(order.failureCode)
      : undefined;
  // Stripe Checkout's back link: the buyer left its page without paying.
  const notice =
    checkout === "cancelled" && isCheckoutOpen(order)
      ? "Payment cancelled: nothing was charged. Choose a payment method and select Submit."
      : undefined;
  return (
    <PageCard title="Web Store" wide>
      <StepIndicator steps={CHECKOUT_STEPS} current="payment" label="Purchase steps" />
      <OrderSummary order={order} />
      {verified ? (
        <Notice tone="info">
          Your identity was verified on {formatDate(verified.verifiedAt, await readerTimeZone())} — no new
          proofing needed. This credential is proofed as soon as you activate its key.
        </Notice>
      ) : null}
      <p className="mb-4 text-sm text-slate-700">
        Select your Payment Method and input payment details, then select Submit.
      </p>
      <PaymentForm
        orderId={order.id}
        backHref={`/store/checkout/${order.id}/information`}
        failure={failure}
        notice={notice}
        cardOnStripe={isCardPaidThroughCheckout()}
      />
    </PageCard>
  );
}
