import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { StepIndicator } from "@/components/layout/step-indicator";
import { COUNTRIES } from "@/lib/accounts/countries";
import { CHECKOUT_STEPS } from "@/lib/store/store";
import { loadCheckoutStep } from "../load-step";
import { OrderSummary } from "../order-summary";
import { InformationForm } from "./information-form";

export const metadata: Metadata = { title: "Primary Information and Billing Address" };

export default async function InformationPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { order } = await loadCheckoutStep(params, "information");
  const back = `/store?order=${order.id}&product=${order.product.id}${order.renewsCredentialId ? `&renew=${order.renewsCredentialId}` : ""}`;
  return (
    <PageCard title="Web Store" wide>
      <StepIndicator steps={CHECKOUT_STEPS} current="information" label="Purchase steps" />
      <OrderSummary order={order} />
      <p className="mb-4 text-sm text-slate-700">
        Review and complete any missing information, then select Next.
      </p>
      <InformationForm
        orderId={order.id}
        backHref={back}
        countries={COUNTRIES}
        initial={{
          firstName: order.firstName ?? "",
          lastName: order.lastName ?? "",
          email: order.email ?? "",
          phone: order.phone ?? "",
          company: order.company ?? "",
          addressLine1: order.addressLine1 ?? "",
          addressLine2: order.addressLine2 ?? "",
          city: order.city ?? "",
          region: order.region ?? "",
          postalCode: order.postalCode ?? "",
          country: order.country ?? "",
        }}
      />
    </PageCard>
  );
}
