import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";

export const metadata: Metadata = { title: "Enter your License Key" };

// License keys are sold by the web store; activation opens together with it.
export default function ActivateLicensePage() {
  return (
    <PageCard title="Enter your License Key">
      <p>License key activation is not available yet. It opens together with the web store.</p>
    </PageCard>
  );
}
