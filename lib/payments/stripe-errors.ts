import "server-only";
import { PaymentProviderError } from "./payments";
import { Stripe } from "./stripe-client";

/** Stripe's refusals and outages become PaymentProviderError (handled by the store); our own bugs stay as they are. */
export function providerError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const type = error.rawType ?? error.type;
  const detail = error.code ? `${type}/${error.code}` : type;
  return new PaymentProviderError(`Stripe refused the request (${detail}): ${error.message}`);
}
