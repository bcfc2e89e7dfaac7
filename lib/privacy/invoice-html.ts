// Pure: an order's invoice as one self-contained, printable HTML page for the data archive (the same content
// as the portal's invoice page, components/layout/invoice-document.tsx). Every value is escaped.
import { countryName } from "@/lib/accounts/countries";
import { escapeHtml } from "@/lib/core/html";
import type { OrderView } from "@/lib/store/service";
import { formatMoney, formatOrderNumber } from "@/lib/store/store";

export type InvoiceOrder = Pick<
  OrderView,
  | "number"
  | "invoiceNumber"
  | "invoiceDueAt"
  | "submittedAt"
  | "createdAt"
  | "amountCents"
  | "amountPaidCents"
  | "currency"
  | "firstName"
  | "lastName"
  | "company"
  | "addressLine1"
  | "addressLine2"
  | "city"
  | "region"
  | "postalCode"
  | "country"
  | "email"
> & { product: { name: string } };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

const STYLE = `body{font:14px/1.5 system-ui,sans-serif;color:#111;max-width:40rem;margin:2rem auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;justify-content:space-between;gap:1rem}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.25rem 0}
.amount{text-align:right}thead tr,tbody tr{border-bottom:1px solid #ccc}dt{font-weight:600}
@media print{body{margin:0}}`;

function billTo(order: InvoiceOrder): string {
  const regionLine = [order.region, order.postalCode].filter(Boolean).join(" ");
  const lines = [
    [order.firstName, order.lastName].filter(Boolean).join(" "),
    order.company,
    order.addressLine1,
    order.addressLine2,
    [order.city, regionLine].filter(Boolean).join(", "),
    order.country ? countryName(order.country) : null,
  ];
  return lines
    .filter((line): line is string => Boolean(line))
    .map(escapeHtml)
    .join("<br>");
}

/** The invoice page; `order` must have an invoice number (orders paid by invoice). */
export function invoiceHtml(order: InvoiceOrder): string {
  const e = escapeHtml;
  const money = (cents: number) => e(formatMoney(cents, order.currency));
  const due = Math.max(order.amountCents - order.amountPaidCents, 0);
  const title = `Invoice ${order.invoiceNumber ?? ""}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} — Managed Access Gateway</title><style>${STYLE}</style></head>
<body><main>
<header><div><h1>Managed Access Gateway</h1><p>${e(title)}<br>Order ${e(formatOrderNumber(order.number))}</p></div>
<dl><dt>Issued</dt><dd>${e(day(order.submittedAt ?? order.createdAt))}</dd>
<dt>Due</dt><dd>${e(day(order.invoiceDueAt))}</dd></dl></header>
<section><h2>Bill to</h2><address>${billTo(order)}</address></section>
<table><thead><tr><th scope="col">Description</th><th scope="col" class="amount">Amount</th></tr></thead>
<tbody><tr><td>${e(order.product.name)}</td><td class="amount">${money(order.amountCents)}</td></tr></tbody>
<tfoot><tr><th scope="row">Amount paid</th><td class="amount">${money(order.amountPaidCents)}</td></tr>
<tr><th scope="row">Amount due</th><td class="amount"><strong>${money(due)}</strong></td></tr></tfoot></table>
<p>Your license key is emailed to ${e(order.email ?? "you")} once this invoice is paid in full.</p>
</main></body></html>
`;
}
