import { submitPayment, saveOrderInformation, startOrder } from "@/lib/store/service";
import { fromIp } from "../factories/request";
import { outboxFor } from "./outbox";

export const LICENSE_KEY = /[0-9A-Z]{5}(-[0-9A-Z]{5}){4}/;

/** Buys `productId` through the store's three steps with the local test card; returns the order id. */
export async function buyWithCard(
  user: { id: string; email: string },
  productId: string,
  options: { renew?: string; now?: Date } = {},
): Promise<string> {
  const { orderId } = await startOrder(user.id, { productId, renew: options.renew });
  await saveOrderInformation(user.id, {
    orderId,
    firstName: "Test",
    lastName: "Buyer",
    email: user.email,
    phone: "+1 202 555 0143",
    company: null,
    addressLine1: "1 Test Street",
    addressLine2: null,
    city: "Arlington",
    region: "VA",
    postalCode: "22201",
    country: "US",
  });
  await submitPayment(
    user.id,
    {
      orderId,
      paymentMethod: "CARD",
      cardName: "Test Buyer",
      cardNumber: "4242424242424242",
      cardExpiry: "12/40",
      securityCode: "123",
    },
    fromIp(),
    options.now,
  );
  return orderId;
}

/** The license key in the newest key email to `email`. */
export async function latestKeyFor(email: string): Promise<string> {
  const message = (await outboxFor(email)).find((m) => m.subject?.startsWith("Your license key"));
  const key = message?.body.match(LICENSE_KEY)?.[0];
  if (!key) throw new Error(`no license key email to ${email} in the outbox`);
  return key;
}
