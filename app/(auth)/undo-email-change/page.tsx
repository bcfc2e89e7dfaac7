import type { Metadata } from "next";
import { PageCard } from "@/components/layout/page-card";
import { UndoEmailChangeForm } from "./undo-email-change-form";

export const metadata: Metadata = { title: "Undo the email change" };

/** The link sent to the old address after a change (lib/accounts/email-change.ts), valid 7 days. */
export default async function UndoEmailChangePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token = "" } = await searchParams;
  return (
    <PageCard title="Undo the email change">
      <p className="mb-6 text-sm text-slate-700">
        Your MAG account goes back to this email address and every browser signed in to it is signed out. Then
        you choose a new password: whoever changed the address knew your current one.
      </p>
      <UndoEmailChangeForm token={token} />
    </PageCard>
  );
}
