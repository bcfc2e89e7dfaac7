import type { OrderView } from "@/lib/store/service";
import { formatMoney, formatOrderNumber } from "@/lib/store/store";

export function OrderSummary({ order }: { order: OrderView }) {
  return (
    <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
      <dt className="font-medium">Order</dt>
      <dd>{formatOrderNumber(order.number)}</dd>
      <dt className="font-medium">Product</dt>
      <dd>{order.product.name}</dd>
      <dt className="font-medium">Total</dt>
      <dd>{formatMoney(order.amountCents, order.currency)}</dd>
    </dl>
  );
}
