import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";

export const metadata: Metadata = { title: "Web Store" };

// The store's catalogue and checkout arrive with the store capability; until then the page says so plainly.
export default function StorePage() {
  return (
    <PageCard title="Web Store" wide>
      <p>The web store is not open yet. Phone OTP credentials will be available to buy here soon.</p>
    </PageCard>
  );
}
