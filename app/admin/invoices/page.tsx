import type { Metadata } from "next";
import { requireRole, SUPPORT_ROLES } from "@/lib/web/auth";
import { listOpenInvoices } from "@/lib/store/service";
import { formatMoney, formatOrderNumber } from "@/lib/store/store";
import { MarkPaidForm } from "./invoice-forms";

export const metadata: Metadata = { title: "Open invoices" };

export default async function InvoicesPage() {
  await requireRole(SUPPORT_ROLES);
  const invoices = await listOpenInvoices();
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Open invoices</h2>
      <p className="text-sm text-slate-700">
        Record a payment only once the invoice is paid in full; the buyer then receives the license key by
        email.
      </p>
      {invoices.length === 0 ? <p>No open invoices.</p> : null}
      <ul className="space-y-4">
        {invoices.map((o) => (
          <li key={o.id} className="rounded-md border border-slate-300 p-4">
            <h3 className="font-semibold">
              {o.invoiceNumber} · {formatOrderNumber(o.number)} · {formatMoney(o.amountCents, o.currency)}
            </h3>
            <p className="mb-3 text-sm text-slate-700">
              {o.firstName} {o.lastName} ({o.email}) · {o.product.name} · due{" "}
              {o.invoiceDueAt?.toISOString().slice(0, 10)}
            </p>
            <MarkPaidForm
              orderId={o.id}
              invoiceNumber={o.invoiceNumber ?? ""}
              amount={(o.amountCents / 100).toFixed(2)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
