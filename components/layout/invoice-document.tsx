import { countryName } from "@/lib/accounts/countries";
import type { OrderView } from "@/lib/store/service";
import { formatMoney, formatOrderNumber } from "@/lib/store/store";

/** A printable invoice, for the buyer and for support. */
export function InvoiceDocument({ order }: { order: OrderView }) {
  const due = Math.max(order.amountCents - order.amountPaidCents, 0);
  return (
    <article className="space-y-4 text-sm print:text-black">
      <header className="flex flex-wrap justify-between gap-4">
        <div>
          <p className="text-lg font-bold">Managed Access Gateway</p>
          <p>Invoice {order.invoiceNumber}</p>
          <p>Order {formatOrderNumber(order.number)}</p>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3">
          <dt className="font-medium">Issued</dt>
          <dd>{(order.submittedAt ?? order.createdAt).toISOString().slice(0, 10)}</dd>
          <dt className="font-medium">Due</dt>
          <dd>{order.invoiceDueAt?.toISOString().slice(0, 10)}</dd>
        </dl>
      </header>
      <section>
        <h2 className="font-semibold">Bill to</h2>
        <address className="not-italic">
          {order.firstName} {order.lastName}
          {order.company ? (
            <>
              <br />
              {order.company}
            </>
          ) : null}
          <br />
          {order.addressLine1}
          {order.addressLine2 ? (
            <>
              <br />
              {order.addressLine2}
            </>
          ) : null}
          <br />
          {order.city}, {order.region} {order.postalCode}
          <br />
          {order.country ? countryName(order.country) : null}
        </address>
      </section>
      <table className="w-full text-left">
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-1">
              Description
            </th>
            <th scope="col" className="text-right">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b">
            <td className="py-1">{order.product.name}</td>
            <td className="text-right">{formatMoney(order.amountCents, order.currency)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-1">
              Amount paid
            </th>
            <td className="text-right">{formatMoney(order.amountPaidCents, order.currency)}</td>
          </tr>
          <tr>
            <th scope="row" className="py-1">
              Amount due
            </th>
            <td className="text-right font-bold">{formatMoney(due, order.currency)}</td>
          </tr>
        </tfoot>
      </table>
      <p>Your license key is emailed to {order.email} once this invoice is paid in full.</p>
    </article>
  );
}
