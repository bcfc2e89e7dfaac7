import { handleStripeWebhook } from "@/lib/payments/webhooks/handle-stripe-webhook";

export const dynamic = "force-dynamic";

/** Stripe's webhook endpoint. The signature covers the exact bytes sent, so the body is read as raw text. */
export async function POST(request: Request): Promise<Response> {
  const reply = await handleStripeWebhook(await request.text(), request.headers.get("stripe-signature"));
  return Response.json(reply.body, { status: reply.status });
}
