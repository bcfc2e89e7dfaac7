import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/core/env";
import { PaymentProviderError } from "./payments";

let client: Stripe | undefined;

/**
 * The process's Stripe client. STRIPE_API_BASE_URL points it at another server (the loopback fake in
 * tests); there the SDK does not retry, so a test sees every request it causes.
 */
export function stripe(): Stripe {
  if (client) return client;
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE_URL } = env();
  if (!STRIPE_SECRET_KEY) throw new PaymentProviderError("Stripe is not configured (STRIPE_SECRET_KEY)");
  const base = STRIPE_API_BASE_URL ? new URL(STRIPE_API_BASE_URL) : null;
  const protocol = base?.protocol === "http:" ? "http" : "https";
  client = new Stripe(STRIPE_SECRET_KEY, {
    maxNetworkRetries: base ? 0 : 2,
    timeout: 10_000,
    telemetry: !base,
    ...(base && {
      host: base.hostname,
      port: base.port ? Number(base.port) : protocol === "http" ? 80 : 443,
      protocol,
    }),
  });
  return client;
}

/** Checks a webhook's signature on the raw body and returns the event; throws when it does not verify. */
export function verifyStripeEvent(
  rawBody: string,
  signature: string,
  secret: string,
  toleranceSeconds: number,
) {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret, toleranceSeconds);
}

export { Stripe };
