import type { Metadata } from "next";
import { PhoneCard } from "../phone-card";

export const metadata: Metadata = { title: "Identity check submitted", referrer: "no-referrer" };

/** Where Stripe Identity's hosted capture sends the phone back (lib/proofing/stripe-identity.ts). */
export default function ProviderCaptureDonePage() {
  return (
    <PhoneCard title="Identity check submitted">
      <p className="text-sm text-slate-700">
        Thank you. Return to the proofing application on your computer and click the ID PROOFING COMPLETED
        button. The result can take a minute to arrive.
      </p>
    </PhoneCard>
  );
}
