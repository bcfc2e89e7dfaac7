import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { InvoiceDocument } from "@/components/layout/invoice-document";
import { requireUser } from "@/lib/core/auth";
import { getInvoice } from "@/lib/store/service";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ orderId: string }> }) {
  const session = await requireUser();
  const { orderId } = await params;
  if (!z.uuid().safeParse(orderId).success) notFound();
  const order = await getInvoice(session, orderId);
  if (!order) notFound();
  return <InvoiceDocument order={order} />;
}
