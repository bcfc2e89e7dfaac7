import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";

export const metadata: Metadata = { title: "Set up phone one-time passcode" };

// Phone registration (Step 5 of the guide) is its own capability and arrives next; this is where it will live.
export default function PhoneSetupPage() {
  return (
    <PageCard title="Set up phone one-time passcode">
      <p>Phone registration is not open yet. Your credential is ready for it and waits in this state.</p>
    </PageCard>
  );
}
