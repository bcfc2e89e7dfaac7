import { cardBrand } from "@/lib/store/store";
import type { CardCharge, CardProcessor, CardResult } from "./payments";

/**
 * The deterministic processor used without Stripe keys. It answers Stripe's documented test card numbers
 * the way Stripe's test mode does, and refuses every other number.
 */
const TEST_CARDS: Record<string, "succeeded" | "payments.card_declined" | "payments.insufficient_funds"> = {
  "4242424242424242": "succeeded",
  "5555555555554444": "succeeded",
  "4000000000000002": "payments.card_declined",
  "4000000000009995": "payments.insufficient_funds",
};

function decide({ orderId, card }: CardCharge): CardResult {
  const brand = cardBrand(card.number);
  const last4 = card.number.slice(-4);
  const result = TEST_CARDS[card.number];
  if (!result) return { outcome: "failed", code: "payments.card_not_accepted", brand, last4 };
  if (result !== "succeeded") return { outcome: "failed", code: result, brand, last4 };
  return {
    outcome: "succeeded",
    reference: `local_ch_${orderId.replace(/-/g, "").slice(0, 24)}`,
    brand,
    last4,
  };
}

export const localCardProcessor: CardProcessor = {
  charge: (charge) => Promise.resolve(decide(charge)),
};
