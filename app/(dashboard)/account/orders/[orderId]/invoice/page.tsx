import type { Metadata } from "next";
import { z } from "zod";
import { InvoiceDocument } from "@/components/layout/invoice-document";
import { refuseObject } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { getInvoice } from "@/lib/store/service";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ orderId: string }> }) {
  const session = await requireUser();
  const { orderId } = await params;
  const order = z.uuid().safeParse(orderId).success ? await getInvoice(session, orderId) : null;
  if (!order) return refuseObject(session, "order", orderId);
  return <InvoiceDocument order={order} />;
}
