import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { env } from "@/lib/core/env";

export const metadata: Metadata = { title: "Accessibility" };

export default function AccessibilityPage() {
  return (
    <PageCard title="Accessibility" wide>
      <div className="space-y-3 text-sm">
        <p>
          The portal aims to meet WCAG 2.2 level AA. Every page is checked automatically for accessibility
          problems, can be used with a keyboard alone and with a screen reader, and fits a phone-sized screen.
        </p>
        <p>
          Codes can be received by text or by voice call. Live video proofing allows an interpreter or a
          helper when you tell the agent at the start.
        </p>
        <p>
          Something hard to use? Tell MAG Customer Support at {env().SUPPORT_EMAIL}: we answer within two
          working days.
        </p>
      </div>
    </PageCard>
  );
}
