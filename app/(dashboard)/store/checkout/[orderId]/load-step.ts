import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { refuseObject } from "@/lib/web/access";
import { requireUser } from "@/lib/web/auth";
import { DomainError } from "@/lib/core/errors";
import { getCheckoutStep } from "@/lib/store/service";
import type { CheckoutStep } from "@/lib/store/store";

/** The signed-in user's order for a checkout step; a step whose predecessors are not done redirects. */
export async function loadCheckoutStep(params: Promise<{ orderId: string }>, step: CheckoutStep) {
  const session = await requireUser();
  const { orderId } = await params;
  if (!z.uuid().safeParse(orderId).success) return refuseObject(session, "order", orderId);
  try {
    const page = await getCheckoutStep(session.userId, orderId, step);
    if (!page.allowed) redirect(`/store/checkout/${orderId}/${page.redirectTo}`);
    return { session, order: page.order };
  } catch (error) {
    if (error instanceof DomainError) return refuseObject(session, "order", orderId);
    throw error;
  }
}
