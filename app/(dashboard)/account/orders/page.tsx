import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/web/auth";
import { revealLatestKey } from "@/lib/licensing/service";
import { ORDER_STATUS_LABELS } from "@/lib/store/order-status";
import { listOrders } from "@/lib/store/service";
import { formatMoney, formatOrderNumber } from "@/lib/store/store";
import { formatDate } from "@/lib/core/time-zone";
import { readerTimeZone } from "@/lib/web/time-zone";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  const session = await requireUser();
  const tz = await readerTimeZone();
  const orders = await listOrders(session.userId);
  const hints = await Promise.all(
    orders.map((o) => (o.status === "PAID" ? revealLatestKey(o.id) : Promise.resolve(null))),
  );
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Orders</h2>
      {orders.length === 0 ? (
        <p>
          No orders yet. Use{" "}
          <Link href="/store" className="text-brand-700 underline">
            Get 2FA
          </Link>{" "}
          to buy a credential.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your orders</caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2 pr-3">
                  Order
                </th>
                <th scope="col" className="pr-3">
                  Date
                </th>
                <th scope="col" className="pr-3">
                  Product
                </th>
                <th scope="col" className="pr-3">
                  Amount
                </th>
                <th scope="col" className="pr-3">
                  Status
                </th>
                <th scope="col" className="pr-3">
                  Invoice
                </th>
                <th scope="col">License key</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o, i) => (
                <tr key={o.id} className="border-b align-top">
                  <td className="py-2 pr-3">
                    <Link href={`/store/checkout/${o.id}/confirmation`} className="text-brand-700 underline">
                      {formatOrderNumber(o.number)}
                    </Link>
                  </td>
                  <td className="pr-3">{formatDate(o.createdAt, tz)}</td>
                  <td className="pr-3">{o.product.name}</td>
                  <td className="pr-3">{formatMoney(o.amountCents, o.currency)}</td>
                  <td className="pr-3">{ORDER_STATUS_LABELS[o.status]}</td>
                  <td className="pr-3">
                    {o.invoiceNumber ? (
                      <Link href={`/account/orders/${o.id}/invoice`} className="text-brand-700 underline">
                        {o.invoiceNumber}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{hints[i] ? `ending in ${hints[i].hint}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
