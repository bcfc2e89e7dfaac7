import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { ConfirmEmailForm } from "./confirm-email-form";

export const metadata: Metadata = { title: "Confirm your new email address" };

/** The link sent to a new email address (lib/accounts/email-change.ts); the button, not the visit, acts. */
export default async function ConfirmEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token = "" } = await searchParams;
  return (
    <PageCard title="Confirm your new email address">
      <p className="mb-6 text-sm text-slate-700">
        Your MAG account moves to this address. Your old address is told and can undo the change for 7 days.
      </p>
      <ConfirmEmailForm token={token} />
    </PageCard>
  );
}
