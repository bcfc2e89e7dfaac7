import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ORDER_STATUS_LABELS } from "@/lib/store/order-status";
import { listAllOrders } from "@/lib/store/service";
import { formatMoney, formatOrderNumber, type OrderStatus } from "@/lib/store/store";
import { requireRole, SUPPORT_ROLES } from "@/lib/web/auth";

export const metadata: Metadata = { title: "Orders" };

const STATUSES = Object.keys(ORDER_STATUS_LABELS) as OrderStatus[];

/** Every user's orders, newest first, with a status filter; each links to its buyer's page. */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  await requireRole(SUPPORT_ROLES);
  const { status: asked } = await searchParams;
  const status = STATUSES.find((s) => s === asked);
  const orders = await listAllOrders(status);
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Orders</h2>
      <form method="get" className="flex items-end gap-2">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Status</span>
          <select
            name="status"
            defaultValue={status ?? ""}
            className="rounded-md border border-slate-400 px-2 py-1.5"
          >
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {ORDER_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {orders.length === 0 ? <p>No orders.</p> : null}
      {orders.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Orders, newest first</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-1">
                Order
              </th>
              <th scope="col">Placed (UTC)</th>
              <th scope="col">Buyer</th>
              <th scope="col">Product</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Invoice</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} className="border-b">
                <td className="py-1 font-mono">{formatOrderNumber(o.number)}</td>
                <td>{o.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                <td>
                  <Link href={`/admin/users/${o.userId}`} className="text-brand-700 underline">
                    {o.user.firstName} {o.user.lastName}
                  </Link>
                </td>
                <td>{o.product.name}</td>
                <td>{formatMoney(o.amountCents, o.currency)}</td>
                <td>{ORDER_STATUS_LABELS[o.status]}</td>
                <td>{o.invoiceNumber ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
