import "server-only";
import { redirect } from "next/navigation";
import { loadOwned } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { getCheckoutStep } from "@/lib/store/service";
import type { CheckoutStep } from "@/lib/store/store";

/** The signed-in user's order for a checkout step; a step whose predecessors are not done redirects. */
export async function loadCheckoutStep(params: Promise<{ orderId: string }>, step: CheckoutStep) {
  const session = await requireUser();
  const { orderId } = await params;
  const page = await loadOwned(session, "order", orderId, (id) => getCheckoutStep(session.userId, id, step));
  if (!page.allowed) redirect(`/store/checkout/${orderId}/${page.redirectTo}`);
  return { session, order: page.order };
}
