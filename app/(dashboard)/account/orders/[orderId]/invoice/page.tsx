import type { Metadata } from "next";
import { InvoiceDocument } from "@/components/layout/invoice-document";
import { loadOwned } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { getInvoice } from "@/lib/store/service";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ orderId: string }> }) {
  const session = await requireUser();
  const { orderId } = await params;
  const order = await loadOwned(session, "order", orderId, (id) => getInvoice(session, id));
  return <InvoiceDocument order={order} />;
}
