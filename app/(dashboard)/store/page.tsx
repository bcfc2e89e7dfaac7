import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { StepIndicator } from "@/components/layout/step-indicator";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/web/auth";
import { findRenewableCredential } from "@/lib/licensing/service";
import { getCatalog } from "@/lib/store/service";
import { CHECKOUT_STEPS, formatMoney } from "@/lib/store/store";
import { PartnerMenu } from "./partner-menu";
import { ProductForm } from "./product-form";
import { formatDate } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Web Store" };

type Query = { partner?: string; renew?: string; order?: string; product?: string };

export default async function StorePage({ searchParams }: { searchParams: Promise<Query> }) {
  const session = await requireUser();
  const tz = await readerTimeZone();
  const query = await searchParams;
  const renewal = query.renew
    ? await findRenewableCredential(session.userId, query.renew).catch(() => null)
    : null;
  const catalog = await getCatalog(session.userId, query.partner);
  const products = renewal ? catalog.products.filter((p) => p.id === renewal.productId) : catalog.products;
  const extraQuery = [
    renewal ? `&renew=${renewal.id}` : "",
    query.order ? `&order=${encodeURIComponent(query.order)}` : "",
  ].join("");
  return (
    <PageCard title="Web Store" wide>
      <StepIndicator steps={CHECKOUT_STEPS} current="product" label="Purchase steps" />
      {renewal ? (
        <Notice tone="info">
          Renewing {renewal.productName}: one more year from {formatDate(renewal.expiresAt, tz)}.
        </Notice>
      ) : null}
      <PartnerMenu partners={catalog.partners} selected={catalog.selectedPartner} extraQuery={extraQuery} />
      <ProductForm
        products={products.map((p) => ({
          id: p.id,
          name: p.name,
          description: p.description,
          price: `${formatMoney(p.priceCents, p.currency)}${p.termMonths ? ` per ${p.termMonths === 12 ? "year" : `${p.termMonths} months`}` : ""}`,
        }))}
        partner={catalog.selectedPartner}
        renew={renewal?.id}
        orderId={query.order}
        selectedProductId={renewal?.productId ?? query.product}
      />
    </PageCard>
  );
}
