import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { ActivateForm } from "./activate-form";

export const metadata: Metadata = { title: "Enter your License Key" };

export default function ActivateLicensePage() {
  return (
    <PageCard title="Enter your License Key">
      <p className="mb-4 text-sm text-slate-700">
        Input the License Key from your purchase confirmation email in the field provided, then select Submit.
      </p>
      <ActivateForm />
    </PageCard>
  );
}
